package io.zonepay.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.zonepay.account.AccountServiceApplication;
import io.zonepay.order.OrderServiceApplication;
import io.zonepay.payment.PaymentServiceApplication;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.service.ServiceWebAutoConfiguration;
import io.zonepay.service.data.ServiceDataAutoConfiguration;
import io.zonepay.service.messaging.ServiceMessagingAutoConfiguration;
import io.zonepay.service.relay.OrderedProducer;
import io.zonepay.service.shardgroup.ShardGroupDataSource;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard of shadow storage: no path of an RZone service can reach the real schema
 * while it works for shadow traffic. A shadow connection has only the shadow schema on
 * its search path, so an unqualified table name can only mean a shadow table; what could
 * still reach a real table is (1) SQL that names a schema or changes the search path, (2)
 * a connection that does not come from the routing data source, or (3) work handed to
 * another thread without its traffic. Each is looked for here in every source and
 * migration of the RZone services and the modules they use; the end-to-end shadow run
 * ({@link ShadowTrafficIntegrationTests}) then proves the paths it takes wrote no real
 * row.
 */
class ShadowGuardTests {

	/** The modules whose code runs in an RZone, each found by a class it holds. */
	private static final List<Class<?>> RZONE_MODULES = List.of(AccountServiceApplication.class,
			OrderServiceApplication.class, PaymentServiceApplication.class, ServiceWebAutoConfiguration.class,
			ServiceDataAutoConfiguration.class, ServiceMessagingAutoConfiguration.class, OrderedProducer.class,
			PeriodicTask.class);

	/** A schema named in SQL, or the search path changed. */
	private static final Pattern SCHEMA_IN_SQL = Pattern
		.compile("(?i)(\\b(from|join|into|update|table)\\s+\"?[a-z_][a-z0-9_]*\"?\\.\"?[a-z_]"
				+ "|search_path|set\\s+schema|current_schema|\\$\\{realSchema})");

	/**
	 * The one place shadow storage reads the real schema, on purpose: the shadow schema's
	 * shard leases are a read-only view of the real ones, so shadow writes are fenced as
	 * real ones are.
	 */
	private static final Set<String> MAY_NAME_THE_REAL_SCHEMA = Set
		.of("db/zonepay-shadow/V1__shard_leases_are_the_real_ones.sql");

	/**
	 * Where connections are made other than through the routing data source, and why that
	 * is safe.
	 */
	private static final Map<String, String> MAY_OPEN_CONNECTIONS = Map.of(
			"io.zonepay.service.shardgroup.ShardGroupDataSource",
			"is the routing data source: its shadow pools have only the shadow schema on their search path",
			"io.zonepay.service.shadow.ShadowSchemas",
			"migrates the shadow schema on connections of its own, opened on the shadow schema and closed after");

	/**
	 * Where RZone code hands work to a thread of its own, and how the work keeps its
	 * traffic there.
	 */
	private static final Map<String, String> MAY_START_THREADS = Map.of("io.zonepay.account.ledger.GroupCommit",
			"PostingWriters keeps a writer per traffic and binds each batch to it",
			"io.zonepay.service.messaging.ShardedConsumer", "binds each event to the traffic its Kafka header names",
			"io.zonepay.runtime.PeriodicTask",
			"runs relays and reconcilers through ShardScopes.forEachServedGroup, which binds each pass to its traffic",
			"io.zonepay.service.liveness.LivenessWatchers", "writes liveness lines only, never data",
			"io.zonepay.payment.zone.ReleasesTold",
			"tells the zone's services which shards' leases it released: no data, and the leases are shared by real and"
					+ " shadow traffic",
			"io.zonepay.runtime.global.GlobalData", "reads global data, which is the same for real and shadow traffic");

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.zonepay.account", "io.zonepay.order", "io.zonepay.payment", "io.zonepay.service",
				"io.zonepay.runtime");

	@Test
	void noSqlOfAnRZoneNamesASchemaOrMovesTheSearchPath() {
		List<String> found = new ArrayList<>();
		for (Class<?> anchor : RZONE_MODULES) {
			Path main = module(anchor).resolve("src/main");
			for (Path file : files(main)) {
				String relative = main.resolve("resources").relativize(file).toString();
				if (MAY_NAME_THE_REAL_SCHEMA.contains(relative)) {
					continue;
				}
				String text = read(file);
				Matcher matcher = SCHEMA_IN_SQL.matcher(file.toString().endsWith(".java") ? stringsOf(text) : text);
				while (matcher.find()) {
					found.add(main.relativize(file) + ": " + matcher.group());
				}
			}
		}
		assertThat(found).as("SQL naming a schema, or moving the search path").isEmpty();
	}

	@Test
	void everyConnectionComesFromTheRoutingDataSource() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("io.zonepay.service.shardgroup.ShardGroupDataSource")
			.and()
			.doNotHaveFullyQualifiedName("io.zonepay.service.shadow.ShadowSchemas")
			.should()
			.callMethod(java.sql.DriverManager.class, "getConnection", String.class)
			.orShould()
			.callMethod(java.sql.DriverManager.class, "getConnection", String.class, java.util.Properties.class)
			.orShould()
			.callMethod(java.sql.DriverManager.class, "getConnection", String.class, String.class, String.class)
			.orShould()
			.callConstructorWhere(JavaConstructorCall.Predicates
				.target(HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(DataSource.class)
					.and(DescribedPredicate.not(JavaClass.Predicates.type(ShardGroupDataSource.class))))))
			.because("shadow work must get its connections where its traffic picks the schema: " + MAY_OPEN_CONNECTIONS)
			.check(classes);
	}

	@Test
	void workHandedToAThreadOfItsOwnKeepsItsTraffic() {
		List<String> starters = new ArrayList<>();
		classes.forEach(type -> type.getMethodCallsFromSelf()
			.stream()
			.filter(call -> startsAThread(call.getTargetOwner().getFullName(), call.getName()))
			.forEach(call -> starters.add(type.getName().replaceAll("\\$.*", ""))));
		classes.forEach(type -> type.getConstructorCallsFromSelf()
			.stream()
			.filter(call -> call.getTargetOwner().isAssignableTo(Thread.class)
					|| call.getTargetOwner().isAssignableTo(java.util.concurrent.Executor.class))
			.forEach(call -> starters.add(type.getName().replaceAll("\\$.*", ""))));
		assertThat(starters)
			.as("classes that start threads, each with a reason its work keeps its traffic: %s",
					MAY_START_THREADS.keySet())
			.isNotEmpty()
			.allSatisfy(starter -> assertThat(MAY_START_THREADS).containsKey(starter));
	}

	private static boolean startsAThread(String owner, String method) {
		return owner.equals(Thread.class.getName())
				&& Set.of("ofPlatform", "ofVirtual", "startVirtualThread").contains(method)
				|| owner.equals(java.util.concurrent.Executors.class.getName())
				|| owner.equals(java.util.concurrent.CompletableFuture.class.getName()) && method.endsWith("Async");
	}

	/** The string literals and text blocks of a Java source, where its SQL is. */
	private static String stringsOf(String source) {
		StringBuilder strings = new StringBuilder();
		Matcher literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\])*)\"", Pattern.DOTALL)
			.matcher(source);
		while (literal.find()) {
			strings.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append('\n');
		}
		return strings.toString();
	}

	private static List<Path> files(Path main) {
		try (Stream<Path> walk = Files.walk(main)) {
			return walk.filter(Files::isRegularFile)
				.filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".sql"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path module(Class<?> anchor) {
		try {
			return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

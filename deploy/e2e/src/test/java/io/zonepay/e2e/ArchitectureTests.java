package io.zonepay.e2e;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.zonepay.account.AccountServiceApplication;
import io.zonepay.config.ConfigServiceApplication;
import io.zonepay.gateway.GatewayApplication;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.order.OrderServiceApplication;
import io.zonepay.payment.PaymentServiceApplication;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.service.ServiceWebAutoConfiguration;
import io.zonepay.service.data.ServiceDataAutoConfiguration;
import io.zonepay.service.messaging.ServiceMessagingAutoConfiguration;
import io.zonepay.service.relay.OrderedProducer;
import io.zonepay.testkit.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules: services never use each other's code, the common modules never use a
 * service's and depend on each other only downwards, and every service depends on exactly
 * the common modules it uses.
 */
class ArchitectureTests {

	/** The common modules, each found by a class it holds. */
	private static final Map<String, Class<?>> COMMON = Map.of("kernel", Shard.class, "zone-runtime",
			PeriodicTask.class, "service-web", ServiceWebAutoConfiguration.class, "service-data",
			ServiceDataAutoConfiguration.class, "service-messaging", ServiceMessagingAutoConfiguration.class,
			"service-relay", OrderedProducer.class, "test-kit", SharedPostgres.class);

	/**
	 * The modules a service must declare when it uses them, rather than have them through
	 * another.
	 */
	private static final Set<String> DECLARED_WHEN_USED = Set.of("service-web", "service-data", "service-messaging",
			"service-relay");

	private static final Map<String, Class<?>> SERVICES = Map.of("config-service", ConfigServiceApplication.class,
			"account-service", AccountServiceApplication.class, "order-service", OrderServiceApplication.class,
			"payment-service", PaymentServiceApplication.class, "gateway", GatewayApplication.class);

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.zonepay");

	@Test
	void servicesAreIndependentOfEachOther() {
		slices().matching("io.zonepay.(account|order|payment|config|gateway)..")
			.should()
			.notDependOnEachOther()
			.check(classes);
	}

	/**
	 * By module, not by package: payment-service's outbox kept the package it had in the
	 * module it came from. service-web is what every servlet zone service shares;
	 * service-data (an RZone's shard groups, leases, zone guard and idempotent requests)
	 * builds on it; service-messaging (sharded consumers and the inbox) builds on both,
	 * since an event is bound to its shard group like a request. service-relay
	 * (leadership and the ordered producer) stands alone. No common module uses a
	 * service.
	 */
	@Test
	void theCommonModulesDependOnlyDownwardsAndUseNoService() {
		Map<String, JavaClasses> modules = new HashMap<>();
		COMMON.forEach((name, anchor) -> modules.put(name, classesOf(anchor)));
		List<JavaClasses> services = SERVICES.values().stream().map(ArchitectureTests::classesOf).toList();
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("kernel")
			.definedBy(in("kernel", modules.get("kernel")))
			.layer("zone-runtime")
			.definedBy(in("zone-runtime", modules.get("zone-runtime")))
			.layer("service-web")
			.definedBy(in("service-web", modules.get("service-web")))
			.layer("service-data")
			.definedBy(in("service-data", modules.get("service-data")))
			.layer("service-messaging")
			.definedBy(in("service-messaging", modules.get("service-messaging")))
			.layer("service-relay")
			.definedBy(in("service-relay", modules.get("service-relay")))
			.layer("test-kit")
			.definedBy(in("test-kit", modules.get("test-kit")))
			.layer("services")
			.definedBy(in("a service", services.toArray(JavaClasses[]::new)))
			.whereLayer("kernel")
			.mayNotAccessAnyLayer()
			.whereLayer("zone-runtime")
			.mayOnlyAccessLayers("kernel")
			.whereLayer("service-web")
			.mayOnlyAccessLayers("kernel", "zone-runtime")
			.whereLayer("service-data")
			.mayOnlyAccessLayers("kernel", "zone-runtime", "service-web")
			.whereLayer("service-messaging")
			.mayOnlyAccessLayers("kernel", "zone-runtime", "service-web", "service-data")
			.whereLayer("service-relay")
			.mayNotAccessAnyLayer()
			.whereLayer("test-kit")
			.mayOnlyAccessLayers("kernel")
			.whereLayer("services")
			.mayNotBeAccessedByAnyLayer()
			.check(classes);
	}

	/**
	 * Read from each service's POM: a common module it declares, its own classes use (so
	 * it takes no module, with its auto-configuration and its tables, that it does not
	 * need); a split module its classes use, it declares (rather than get it through
	 * another, which may stop bringing it).
	 */
	@Test
	void everyServiceDeclaresTheCommonModulesItUsesAndUsesThoseItDeclares() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (var service : SERVICES.entrySet()) {
			JavaClasses own = classesOf(service.getValue());
			Set<String> declared = declaredZonePayModules(moduleDirectory(service.getValue()));
			for (var module : COMMON.entrySet()) {
				boolean uses = uses(own, classesOf(module.getValue()));
				if (declared.contains(module.getKey()) && !uses) {
					wrong.add(service.getKey() + " declares " + module.getKey() + " but none of its classes uses it");
				}
				if (uses && !declared.contains(module.getKey()) && DECLARED_WHEN_USED.contains(module.getKey())) {
					wrong.add(service.getKey() + " uses " + module.getKey() + " without declaring it");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void featuresOfAServiceHaveNoCycles() {
		slices().matching("io.zonepay.(*).(*)..").namingSlices("$1 $2").should().beFreeOfCycles().check(classes);
	}

	@Test
	void servicesUseTheServletSupportAndTheGatewayDoesNot() {
		noClasses().that()
			.resideInAPackage("io.zonepay.gateway..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.zonepay.service..")
			.check(classes);
	}

	private static boolean uses(JavaClasses service, JavaClasses module) {
		return service.stream()
			.flatMap(type -> type.getDirectDependenciesFromSelf().stream())
			.anyMatch(dependency -> module.contain(dependency.getTargetClass().getName()));
	}

	private static DescribedPredicate<JavaClass> in(String description, JavaClasses... modules) {
		return DescribedPredicate.describe("in " + description,
				type -> Arrays.stream(modules).anyMatch(module -> module.contain(type.getName())));
	}

	/**
	 * The classes of the module (its jar, or its class folder in an IDE) that holds a
	 * class.
	 */
	private static JavaClasses classesOf(Class<?> anchor) {
		Path location = codeSource(anchor);
		ClassFileImporter importer = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
		if (Files.isDirectory(location)) {
			return importer.importPath(location);
		}
		try (JarFile jar = new JarFile(location.toFile())) {
			return importer.importJar(jar);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + location, ex);
		}
	}

	/**
	 * The module's own folder: its jar and its class folder are both in its
	 * {@code target}.
	 */
	private static Path moduleDirectory(Class<?> anchor) {
		return codeSource(anchor).getParent().getParent();
	}

	private static Path codeSource(Class<?> anchor) {
		try {
			return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The ZonePay modules a POM declares for its main code, without the {@code zonepay-}
	 * of their artifact ids.
	 */
	private static Set<String> declaredZonePayModules(Path module) throws Exception {
		var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(module.resolve("pom.xml").toFile());
		NodeList dependencies = (NodeList) XPathFactory.newInstance()
			.newXPath()
			.evaluate("/project/dependencies/dependency", pom, XPathConstants.NODESET);
		Set<String> declared = new TreeSet<>();
		for (int i = 0; i < dependencies.getLength(); i++) {
			Element dependency = (Element) dependencies.item(i);
			String scope = text(dependency, "scope");
			if (text(dependency, "groupId").equals("io.zonepay") && !scope.equals("test")) {
				declared.add(text(dependency, "artifactId").replaceFirst("^zonepay-", ""));
			}
		}
		return declared;
	}

	private static String text(Element element, String child) {
		NodeList nodes = element.getElementsByTagName(child);
		return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
	}

}

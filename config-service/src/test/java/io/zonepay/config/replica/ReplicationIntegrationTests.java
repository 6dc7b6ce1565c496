package io.zonepay.config.replica;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonepay.config.GlobalDataTopology;
import io.zonepay.config.global.ChangeTopic;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.EntityStore;
import io.zonepay.config.global.ReplicationMessage;
import io.zonepay.testkit.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CZones of both cities follow the GZone: nothing lost, nothing applied twice,
 * versions that match.
 */
class ReplicationIntegrationTests {

	private static final AtomicInteger MERCHANTS = new AtomicInteger(1000);

	static GlobalDataTopology zones;

	@BeforeAll
	static void start() {
		zones = GlobalDataTopology.start();
		awaitConverged();
	}

	@AfterAll
	static void stop() {
		zones.close();
	}

	@Test
	void aMerchantWrittenAtTheGzoneIsReadableInBothCitiesAtItsVersion() {
		GlobalDataTopology.Answer created = createMerchant();
		assertThat(created.status()).isEqualTo(201);
		long version = created.body().get("version").asLong();
		String id = created.body().get("merchantId").asString();
		for (String czone : List.of("cz-hz", "cz-sh")) {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				GlobalDataTopology.Answer read = zones.get(czone, "/api/merchants/" + id);
				assertThat(read.status()).isEqualTo(200);
				assertThat(read.servedBy()).isEqualTo(czone);
				assertThat(read.body().get("version").asLong()).isEqualTo(version);
				assertThat(read.body().get("name").asString()).isEqualTo("Shop " + id);
			});
		}
	}

	@Test
	void merchantsAreReadInOneRequestFromTheCopyLeavingOutTheOnesThatDoNotExist() {
		String first = createMerchant().body().get("merchantId").asString();
		GlobalDataTopology.Answer second = createMerchant();
		String id = second.body().get("merchantId").asString();
		long version = second.body().get("version").asLong();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> zones.get("cz-sh", "/api/global/watermark").body().get("version").asLong() >= version);

		GlobalDataTopology.Answer read = zones.get("cz-sh",
				"/internal/global/merchants?ids=" + first + "," + id + ",999999999");

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.servedBy()).isEqualTo("cz-sh");
		List<String> found = new ArrayList<>();
		read.body().get("merchants").forEach(merchant -> found.add(merchant.get("merchantId").asString()));
		assertThat(found).containsExactlyInAnyOrder(first, id);
	}

	@Test
	void aReadOfMerchantsIsForZonePaysOwnServicesOnly() throws Exception {
		HttpResponse<Void> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(zones.uri("cz-hz").resolve("/internal/global/merchants?ids=1")).build(),
					HttpResponse.BodyHandlers.discarding());

		assertThat(anonymous.statusCode()).isIn(401, 403);
	}

	@Test
	void aReadWithMinVersionSeesTheCallersOwnWriteInTheOtherCity() {
		GlobalDataTopology.Answer created = createMerchant();
		long version = created.body().get("version").asLong();
		String id = created.body().get("merchantId").asString();

		GlobalDataTopology.Answer read = zones.get("cz-sh", "/api/merchants/" + id + "?min-version=" + version);

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().get("version").asLong()).isEqualTo(version);
		assertThat(read.servedBy()).isIn("cz-sh", "gz");
	}

	@Test
	void aBurstOfWritesConvergesToExactlyTheGzonesData() throws Exception {
		for (String czone : List.of("cz-hz", "cz-sh")) {
			zones.context(czone).getBean(ApplyLag.class).reset();
		}
		burst(1000, 4);
		awaitConverged();
		List<Entity> primary = zones.context("gz").getBean(EntityStore.class).everything();
		for (String czone : List.of("cz-hz", "cz-sh")) {
			assertThat(zones.context(czone).getBean(EntityStore.class).everything()).as(czone)
				.containsExactlyElementsOf(primary);
			report(czone);
		}
	}

	@Test
	void aReplicatorStoppedInTheMiddleOfABurstLosesAndRepeatsNothing() throws Exception {
		// Another test's write still on its way would be applied between the two reads
		// below and counted on one side only.
		awaitConverged();
		long before = version("cz-hz");
		long appliedBefore = zones.context("cz-hz").getBean(ReplicaStore.class).appliedChanges();
		try (ExecutorService writer = Executors.newSingleThreadExecutor()) {
			Future<?> writes = writer.submit(() -> burst(600, 2));
			await().atMost(Duration.ofSeconds(30)).until(() -> version("cz-hz") > before + 100);
			zones.stopZone("cz-hz");
			zones.startZone("cz-hz");
			writes.get(60, TimeUnit.SECONDS);
		}
		awaitConverged();
		long gzone = version("gz");
		assertThat(zones.context("cz-hz").getBean(EntityStore.class).everything())
			.containsExactlyElementsOf(zones.context("gz").getBean(EntityStore.class).everything());
		// Every change since the copy's bootstrap was applied exactly once, across the
		// restart.
		assertThat(zones.context("cz-hz").getBean(ReplicaStore.class).appliedChanges() - appliedBefore)
			.isEqualTo(gzone - before);
	}

	@Test
	void aRestartedGzoneRelayResumesFromWhatKafkaHasAndNothingIsAppliedTwice() throws Exception {
		awaitConverged();
		long before = version("gz");
		long appliedBefore = zones.context("cz-sh").getBean(ReplicaStore.class).appliedChanges();
		burst(100, 2);
		zones.stopZone("gz");
		zones.startZone("gz");
		burst(100, 2);
		awaitConverged();
		assertThat(zones.context("cz-sh").getBean(EntityStore.class).everything())
			.containsExactlyElementsOf(zones.context("gz").getBean(EntityStore.class).everything());
		assertThat(zones.context("cz-sh").getBean(ReplicaStore.class).appliedChanges() - appliedBefore)
			.isEqualTo(version("gz") - before);
	}

	@Test
	void anIdleLogCarriesOneTransactionInEightHeartbeats() {
		awaitConverged();
		ChangeTopic topic = zones.context("gz").getBean(ChangeTopic.class);
		TopicPartition partition = topic.partition();
		List<ConsumerRecord<String, String>> heartbeats = new ArrayList<>();
		// Uncommitted reads see every record a producer wrote; a transaction's marker
		// only takes an offset.
		try (KafkaConsumer<String, String> everything = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			everything.assign(List.of(partition));
			everything.seekToEnd(List.of(partition));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> heartbeats.addAll(everything.poll(Duration.ofMillis(200)).records(partition))
						&& heartbeats.size() >= 24);
		}
		assertThat(heartbeats)
			.allSatisfy(record -> assertThat(topic.read(record).type()).isEqualTo(ReplicationMessage.Type.HEARTBEAT));
		long offsets = heartbeats.getLast().offset() - heartbeats.getFirst().offset() + 1;
		long markers = offsets - heartbeats.size();
		assertThat(markers).as("transaction markers among %d heartbeats", heartbeats.size()).isBetween(2L, 5L);
	}

	private static GlobalDataTopology.Answer createMerchant() {
		int id = MERCHANTS.incrementAndGet();
		return zones.admin("POST", "/admin/merchants", "{\"merchantId\": \"" + id + "\", \"name\": \"Shop " + id
				+ "\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}");
	}

	/**
	 * Writes merchants and switch flips from a few threads at once, as fast as the GZone
	 * takes them.
	 */
	private static Void burst(int writes, int threads) throws Exception {
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < writes; i++) {
			int n = i;
			calls.add(() -> n % 10 == 0
					? zones.admin("PUT", "/admin/switches/payments.maxAmount.CNY", "{\"value\": " + (1000 + n) + "}")
						.status()
					: createMerchant().status());
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			for (Future<Integer> status : pool.invokeAll(calls)) {
				assertThat(status.get()).isIn(200, 201);
			}
		}
		return null;
	}

	private static void awaitConverged() {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.until(() -> version("cz-hz") == version("gz") && version("cz-sh") == version("gz"));
	}

	private static long version(String zone) {
		return zones.get(zone, "/api/global/watermark").body().get("version").asLong();
	}

	/** What the burst's changes took from commit at the GZone to apply here. */
	private static void report(String czone) {
		System.out
			.println(czone + " apply lag during the burst: " + zones.context(czone).getBean(ApplyLag.class).summary());
	}

}

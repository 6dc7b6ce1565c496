package io.zonepay.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Creates the customizer that wires a test context to the shared PostgreSQL and Kafka.
 */
class EmbeddedInfrastructureCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		var annotation = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
			.get(EmbeddedInfrastructure.class);
		if (!annotation.isPresent()) {
			return null;
		}
		return new Customizer(annotation.getString("database"), annotation.getBoolean("kafka"));
	}

	/**
	 * Equal for equal settings, so that Spring caches and shares the context between test
	 * classes.
	 */
	record Customizer(String database, boolean kafka) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			Map<String, Object> properties = new HashMap<>();
			if (!database.isEmpty()) {
				properties.put("spring.datasource.url", SharedPostgres.createDatabase(database));
				properties.put("spring.datasource.username", SharedPostgres.user());
				properties.put("spring.datasource.password", "");
			}
			if (kafka) {
				properties.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("zonepayEmbeddedInfrastructure", properties));
		}
	}

}

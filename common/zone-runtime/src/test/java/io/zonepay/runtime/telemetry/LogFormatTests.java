package io.zonepay.runtime.telemetry;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LogFormatTests {

	@Test
	void keepsThePatternsByDefault() {
		MockEnvironment environment = processed(new MockEnvironment());

		assertThat(environment.getProperty("logging.structured.format.console")).isNull();
		assertThat(environment.getProperty("logging.structured.format.file")).isNull();
	}

	@Test
	void writesElasticCommonSchemaJsonToConsoleAndFileWhenAskedForJson() {
		MockEnvironment environment = processed(new MockEnvironment().withProperty("zonepay.logging.format", "JSON"));

		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(environment.getProperty("logging.structured.format.file")).isEqualTo("ecs");
		assertThat(environment.getProperty("logging.structured.json.context.prefix")).isEqualTo("labels");
	}

	@Test
	void anExplicitStructuredFormatWins() {
		MockEnvironment environment = processed(new MockEnvironment().withProperty("zonepay.logging.format", "json")
			.withProperty("logging.structured.format.console", "logstash"));

		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
	}

	@Test
	void refusesAFormatItDoesNotKnow() {
		MockEnvironment environment = new MockEnvironment().withProperty("zonepay.logging.format", "xml");

		assertThatIllegalStateException().isThrownBy(() -> processed(environment)).withMessageContaining("'xml'");
	}

	private static MockEnvironment processed(MockEnvironment environment) {
		new LogFormat().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}

package io.zonepay.payment.risk;

import io.zonepay.runtime.global.GlobalData;
import io.zonepay.service.outbox.Outbox;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Risk control's parts: the store, the shipped policy, the model, the decisions' topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RiskProperties.class)
class RiskConfiguration {

	@Bean(destroyMethod = "close")
	RiskModel riskModel(RiskProperties properties, JsonMapper json) throws Exception {
		Resource model = properties.model();
		String name = model.getFilename();
		if (name == null || !name.endsWith(".onnx")) {
			throw new IllegalStateException("zonepay.risk.model must name an .onnx file, not " + model);
		}
		return RiskModel.load(model, model.createRelative(name.substring(0, name.length() - 5) + ".json"), json);
	}

	@Bean
	RiskControl riskControl(JdbcClient jdbc, JsonMapper json, RiskProperties properties, RiskModel model,
			GlobalData global, ObjectProvider<Outbox> outbox) {
		return new RiskControl(new JdbcRiskStore(jdbc, json), RunningPolicies.of(properties.policy(), json, global),
				model, new RiskEvents(outbox.getIfAvailable()), properties.lockTimeout());
	}

	@Bean
	RiskDecisionHistory riskDecisionHistory(JdbcClient jdbc, JsonMapper json) {
		return new RiskDecisionHistory(jdbc, json);
	}

	@Bean
	NewTopic riskDecisionsTopic(@Value("${zonepay.events.replication-factor:1}") short replicationFactor) {
		return TopicBuilder.name(RiskEvents.TOPIC).partitions(100).replicas(replicationFactor).build();
	}

}

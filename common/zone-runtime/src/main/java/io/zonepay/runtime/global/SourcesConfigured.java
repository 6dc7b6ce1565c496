package io.zonepay.runtime.global;

import java.net.URI;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether {@code zonepay.global.sources} names a source, as a list ({@code a,b}) or
 * indexed ({@code sources[0]}).
 */
class SourcesConfigured extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean configured = Binder.get(context.getEnvironment())
			.bind("zonepay.global.sources", Bindable.listOf(URI.class))
			.map(sources -> !sources.isEmpty())
			.orElse(false);
		return configured ? ConditionOutcome.match("zonepay.global.sources is set")
				: ConditionOutcome.noMatch("no zonepay.global.sources");
	}

}

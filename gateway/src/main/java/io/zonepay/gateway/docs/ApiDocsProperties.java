package io.zonepay.gateway.docs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param timeout how long one zone may take to answer with its service's document before
 * the next is asked
 * @param attempts how many zones are asked at most for one document
 * @param maxSize the largest document the gateway passes on; ZonePay's are tens of
 * kilobytes
 */
@ConfigurationProperties("zonepay.gateway.api-docs")
record ApiDocsProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("3") int attempts,
		@DefaultValue("1MB") DataSize maxSize) {

	ApiDocsProperties {
		if (attempts < 1) {
			throw new IllegalArgumentException("zonepay.gateway.api-docs.attempts is at least 1, not " + attempts);
		}
	}
}

package io.zonepay.service.idempotency;

import java.time.Duration;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * The real {@link IdempotentRequests} with no table behind it: every key is free, so
 * every request runs as the first one with its key does (the key checked, a refusal
 * answered as a problem, the Location kept). For controller slices; replays and races are
 * the integration tests' business. In this package because its constructor is
 * package-private.
 */
public final class FirstRequests {

	private FirstRequests() {
	}

	public static IdempotentRequests of(JsonMapper json) {
		IdempotencyKeys keys = mock(IdempotencyKeys.class);
		given(keys.claim(any(), any(), any(), any(), any())).willReturn(true);
		given(keys.lock(any(), any(), any())).willReturn(true);
		TransactionTemplate transactions = mock(TransactionTemplate.class);
		given(transactions.execute(any()))
			.willAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
		willAnswer(call -> {
			call.<Consumer<TransactionStatus>>getArgument(0).accept(null);
			return null;
		}).given(transactions).executeWithoutResult(any());
		return new IdempotentRequests(keys, transactions, json, new IdempotencyProperties(Duration.ofHours(48),
				Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(5), 1_000));
	}

}

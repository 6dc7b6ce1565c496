package io.zonepay.payment;

import java.util.ArrayList;
import java.util.List;

import io.zonepay.service.idempotency.KeyedRequest;

/**
 * A request as a flow's unit test makes it, with no table behind its key: every claim
 * succeeds, and what it is answered with is kept for the test to look at.
 */
public final class TestRequest<T> implements KeyedRequest<T> {

	private final String key;

	private int claims;

	private final List<T> answers = new ArrayList<>();

	private TestRequest(String key) {
		this.key = key;
	}

	/** A request of this caller scope and Idempotency-Key: {@code user:9937:k1}. */
	public static <T> TestRequest<T> of(String key) {
		return new TestRequest<>(key);
	}

	@Override
	public String requestKey() {
		return key;
	}

	@Override
	public void claim() {
		claims++;
	}

	@Override
	public void answer(T outcome) {
		if (claims == 0) {
			throw new IllegalStateException("answered before its key was claimed");
		}
		answers.add(outcome);
	}

	public int claims() {
		return claims;
	}

	public List<T> answers() {
		return List.copyOf(answers);
	}

}

package io.zonepay.service.identity;

import jakarta.servlet.http.HttpServletRequest;
import io.zonepay.kernel.identity.CallerAssertion;

import org.jspecify.annotations.Nullable;

/** Where a verified caller assertion lives for the length of a request. */
public final class Callers {

	static final String ATTRIBUTE = CallerAssertion.class.getName();

	private Callers() {
	}

	/** The verified assertion of this request, or {@code null} before verification. */
	public static @Nullable CallerAssertion assertion(HttpServletRequest request) {
		return (CallerAssertion) request.getAttribute(ATTRIBUTE);
	}

}

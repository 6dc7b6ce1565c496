package io.zonepay.service.identity;

import jakarta.servlet.http.HttpServletRequest;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerAssertion;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands controllers the verified {@link Caller} or {@link CallerAssertion} of the request
 * as a method argument.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class || parameter.getParameterType() == CallerAssertion.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		CallerAssertion assertion = Callers.assertion(webRequest.getNativeRequest(HttpServletRequest.class));
		if (assertion == null) {
			throw new IllegalStateException("no verified caller: is the caller filter registered for this path?");
		}
		return parameter.getParameterType() == Caller.class ? assertion.caller() : assertion;
	}

}

package io.zonepay.config.global;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.service.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A GZone that is not the writer answers nothing but its own status
 * ({@code /admin/gzone}): a standby's copy and a fenced GZone's data are not the truth.
 * The answer says why in {@code X-ZonePay-Writer} ({@code standby} or {@code fenced}), so
 * a gateway or a copy asks the next GZone; nothing was done, so that is always safe.
 */
final class WriterGate extends OncePerRequestFilter {

	private final Writer writer;

	private final ProblemResponses problems;

	WriterGate(Writer writer, ProblemResponses problems) {
		this.writer = writer;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ProblemException refused = writer.refusal();
		if (refused == null || request.getRequestURI().startsWith("/admin/gzone")) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(ZonePayHeaders.WRITER, writer.role().name().toLowerCase(Locale.ROOT));
		response.setHeader("Retry-After", "1");
		problems.write(request, response, refused.problem(), refused.detail(), Map.of());
	}

}

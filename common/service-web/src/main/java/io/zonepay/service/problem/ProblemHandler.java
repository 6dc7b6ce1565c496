package io.zonepay.service.problem;

import java.net.URI;
import java.util.List;
import java.sql.SQLException;
import java.util.Map;

import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemCode;
import io.zonepay.kernel.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every exception a request can end in to a problem with a stable code: Spring MVC's
 * own (malformed JSON, wrong types, unknown paths and methods), validation failures with
 * the offending fields, ZonePay's domain problems, and, as a last resort, an internal
 * error that never shows a stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/** The SQLSTATE of the zonepay_fence trigger: the shard is leased to another zone. */
	private static final String FENCED = "ZP421";

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> problem(ProblemException ex, WebRequest request) {
		return respond(Problems.of(ex.problem(), ex.detail(), ex.properties()), request);
	}

	/**
	 * The database could not be had in time: no connection was free (a saturated zone) or
	 * the database is away. A transaction that could not start did nothing; one whose
	 * connection was lost may or may not have committed, which the Idempotency-Key
	 * settles on the retry. Either way the answer is "retry later" (503 with
	 * Retry-After), not "a bug" (500).
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
		log.warn("Database unavailable: {}", rootMessage(ex));
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		ProblemDetail problem = Problems.of(CommonProblem.SERVICE_BUSY,
				"the database could not be reached in time; retry with the same Idempotency-Key", Map.of());
		return createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	/**
	 * Whether the database refused a write because this zone does not hold the shard's
	 * lease (the zonepay_fence trigger).
	 */
	static boolean fenced(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException sql && FENCED.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (fenced(ex)) {
			// The shard's lease names another zone: this zone lost the shard, and the
			// database refused the write.
			log.warn("Write fenced off: {}", rootMessage(ex));
			return respond(
					Problems.of(CommonProblem.WRONG_ZONE,
							"this zone no longer holds the lease of the shard; nothing was written", Map.of()),
					request);
		}
		log.error("Unexpected failure", ex);
		return respond(Problems.of(CommonProblem.INTERNAL_ERROR,
				"the request failed; it is safe to retry with the same Idempotency-Key", Map.of()), request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		String detail = errors.isEmpty() ? "the request is not valid"
				: errors.get(0).get("field") + " " + errors.get(0).get("message");
		return handleExceptionInternal(ex,
				Problems.of(CommonProblem.VALIDATION_FAILED, detail, Map.of("errors", errors)), headers, status,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getParameterValidationResults().isEmpty() ? "the request is not valid"
				: ex.getParameterValidationResults().get(0).getResolvableErrors().get(0).getDefaultMessage();
		return handleExceptionInternal(ex,
				Problems.of(CommonProblem.VALIDATION_FAILED, String.valueOf(detail), Map.of()), headers, status,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// A typed id that failed to bind says itself what is wrong with it (see PathIds).
		if (ex.getMostSpecificCause() instanceof ProblemException problem) {
			return handleExceptionInternal(ex, Problems.of(problem.problem(), problem.detail(), problem.properties()),
					headers, status, request);
		}
		String detail = "'" + ex.getValue() + "' is not a valid "
				+ (ex.getPropertyName() == null ? "value" : ex.getPropertyName());
		return handleExceptionInternal(ex, Problems.of(CommonProblem.VALIDATION_FAILED, detail, Map.of()), headers,
				status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, unreadable(ex.getCause()), headers, status, request);
	}

	/**
	 * Tells a body of the wrong shape (a field of the wrong type, a number too large)
	 * from one that is not JSON.
	 */
	private static ProblemDetail unreadable(@Nullable Throwable cause) {
		if (cause instanceof DatabindException databind) {
			String detail = databind.getPath().isEmpty() ? "the body does not have the expected fields and types"
					: "field '" + fieldPath(databind) + "' has the wrong type or format";
			return Problems.of(CommonProblem.VALIDATION_FAILED, detail, Map.of());
		}
		if (cause instanceof InputCoercionException) {
			return Problems.of(CommonProblem.VALIDATION_FAILED, "a number in the body is out of range", Map.of());
		}
		String detail = cause instanceof JacksonException ? "the body is not valid JSON"
				: "the body is missing or unreadable";
		return Problems.of(CommonProblem.MALFORMED_REQUEST, detail, Map.of());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, Problems.of(CommonProblem.NOT_FOUND, "no such resource", Map.of()), headers,
				status, request);
	}

	/**
	 * Every problem leaves with a code, and in the same member order as those the filters
	 * write.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail document) {
			if (document.getProperties() == null || !document.getProperties().containsKey(Problems.CODE)) {
				Problems.classify(document, byStatus(status.value()));
			}
			if (document.getInstance() == null && request instanceof ServletWebRequest servlet) {
				document.setInstance(URI.create(servlet.getRequest().getRequestURI()));
			}
			// The headers an exception carries may be read-only.
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.addAll(headers);
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return new ResponseEntity<>(Problems.toDocument(document), problemHeaders, status);
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	private static String fieldPath(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ProblemCode byStatus(int status) {
		return switch (status) {
			case 404 -> CommonProblem.NOT_FOUND;
			case 405 -> CommonProblem.METHOD_NOT_ALLOWED;
			case 406 -> CommonProblem.NOT_ACCEPTABLE;
			case 413 -> CommonProblem.PAYLOAD_TOO_LARGE;
			case 415 -> CommonProblem.UNSUPPORTED_MEDIA_TYPE;
			case 503 -> CommonProblem.ZONE_UNAVAILABLE;
			default -> status >= 500 ? CommonProblem.INTERNAL_ERROR : CommonProblem.VALIDATION_FAILED;
		};
	}

	private ResponseEntity<Object> respond(ProblemDetail document, WebRequest request) {
		return createResponseEntity(document, new HttpHeaders(), HttpStatusCode.valueOf(document.getStatus()), request);
	}

}

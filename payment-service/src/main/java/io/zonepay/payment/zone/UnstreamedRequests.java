package io.zonepay.payment.zone;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;

/**
 * The JDK's {@code HttpURLConnection} on the caller's thread, as Spring's
 * {@code SimpleClientHttpRequestFactory}, except that a request's body goes out with its
 * headers instead of being streamed. Before every POST it streams on a kept connection,
 * the JDK reads from that connection for up to a millisecond to see whether the server
 * closed it ({@code sun.net.www.http.HttpClient.New}): a millisecond added to every
 * posting a payment makes. The zone's bodies are a few hundred bytes, so holding one
 * costs nothing. Our own, in place of a pooled library client, because Spring picks such
 * a library, once on the class path, for every other {@code RestClient} and test client
 * too, with its own retries of 503 answers.
 */
final class UnstreamedRequests implements ClientHttpRequestFactory {

	/**
	 * The JDK sends a POST that was not streamed once more, unasked, when the kept
	 * connection it went out on fails: that second try would carry the same signed caller
	 * header, which the callee refuses as a replay. {@link ZoneClient} retries, signing
	 * each attempt anew. The JDK reads the setting once, when the process opens its first
	 * HTTP connection, which in a zone is one of these calls.
	 */
	private static final String RETRY_POST = "sun.net.http.retryPost";

	private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	private final int connectTimeout;

	private final int readTimeout;

	UnstreamedRequests(Duration connectTimeout, Duration readTimeout) {
		this.connectTimeout = Math.toIntExact(connectTimeout.toMillis());
		this.readTimeout = Math.toIntExact(readTimeout.toMillis());
		if (System.getProperty(RETRY_POST) == null) {
			System.setProperty(RETRY_POST, "false");
		}
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod method) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
		connection.setConnectTimeout(connectTimeout);
		connection.setReadTimeout(readTimeout);
		connection.setInstanceFollowRedirects(false);
		connection.setDoInput(true);
		connection.setDoOutput(WITH_BODY.contains(method));
		connection.setRequestMethod(method.name());
		return new Request(connection, uri, method);
	}

	private static final class Request extends AbstractBufferingClientHttpRequest {

		private final HttpURLConnection connection;

		private final URI uri;

		private final HttpMethod method;

		Request(HttpURLConnection connection, URI uri, HttpMethod method) {
			this.connection = connection;
			this.uri = uri;
			this.method = method;
		}

		@Override
		public HttpMethod getMethod() {
			return method;
		}

		@Override
		public URI getURI() {
			return uri;
		}

		@Override
		protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) throws IOException {
			// The JDK sets Content-Length from what was written.
			headers.forEach((name, values) -> {
				if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
					values.forEach(value -> connection.addRequestProperty(name, value));
				}
			});
			if (connection.getDoOutput()) {
				connection.getOutputStream().write(body);
			}
			connection.getResponseCode();
			return new Response(connection);
		}

	}

	private static final class Response implements ClientHttpResponse {

		private final HttpURLConnection connection;

		private @Nullable HttpHeaders headers;

		private @Nullable InputStream body;

		Response(HttpURLConnection connection) {
			this.connection = connection;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return HttpStatusCode.valueOf(connection.getResponseCode());
		}

		@Override
		public String getStatusText() throws IOException {
			String message = connection.getResponseMessage();
			return message != null ? message : "";
		}

		@Override
		public HttpHeaders getHeaders() {
			if (headers == null) {
				HttpHeaders read = new HttpHeaders();
				connection.getHeaderFields().forEach((name, values) -> {
					// The status line comes under no name.
					if (name != null) {
						values.forEach(value -> read.add(name, value));
					}
				});
				headers = read;
			}
			return headers;
		}

		@Override
		public InputStream getBody() throws IOException {
			if (body == null) {
				InputStream error = connection.getErrorStream();
				body = error != null ? error : connection.getInputStream();
			}
			return body;
		}

		/** Reads what is left, so that the JDK keeps the connection for the next call. */
		@Override
		public void close() {
			try {
				InputStream rest = getBody();
				StreamUtils.drain(rest);
				rest.close();
			}
			catch (IOException ex) {
				// A connection that failed is not kept: nothing to give back.
			}
		}

	}

}

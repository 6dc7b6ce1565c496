package io.zonepay.service.traffic;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a service can serve a shadow request without touching real data. A service
 * declares it (an RZone service has shadow storage in every shard group's database; the
 * config service serves reads of global data, which shadow traffic reads as real); a
 * service that declares nothing refuses every shadow request.
 */
@FunctionalInterface
public interface ShadowSupport {

	/** Refuses every shadow request: what a service without shadow storage does. */
	ShadowSupport NONE = request -> false;

	/** Serves every shadow request: the service keeps shadow storage. */
	ShadowSupport STORAGE = request -> true;

	/**
	 * Serves shadow reads only (of data that is the same for real and shadow traffic,
	 * such as global data), never a shadow write.
	 */
	ShadowSupport READS_ONLY = request -> "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());

	boolean accepts(HttpServletRequest request);

}

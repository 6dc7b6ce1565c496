package io.zonepay.service.idempotency;

/**
 * A request with an Idempotency-Key as the work that carries it out sees it, under
 * {@link IdempotentRequests#executeClaiming}: the work claims the key inside the
 * transaction that records its first effect, and stores the answer inside the one that
 * decides the outcome, so that neither costs a transaction of its own. A crash before the
 * first commit leaves nothing behind, not even a claim; a crash after it leaves an effect
 * under a claimed key, which a retry takes over once the lease has run out and resumes.
 *
 * @param <T> what the work decides, which the request's answer shows
 */
public interface KeyedRequest<T> {

	/**
	 * The caller's scope and the Idempotency-Key: the work records it with what it
	 * begins, so that a retry of the same request finds that again.
	 */
	String requestKey();

	/**
	 * Claims the key inside the caller's transaction, or takes over a claim an earlier
	 * attempt of the same request left past its lease. Does nothing once claimed.
	 * @throws RuntimeException of its own when another attempt holds the key or it is
	 * complete: let it roll the transaction back and leave the work, which is then
	 * answered as the duplicate it is
	 * @throws IllegalStateException outside a transaction
	 */
	void claim();

	/**
	 * Stores the answer showing this outcome, inside the transaction that decides it,
	 * after the key was claimed (in this transaction or an earlier one). Should a retry
	 * have taken the key over meanwhile (the work outlived the lease), that retry resumes
	 * the same work and stores the same answer; this one leaves it be.
	 * @throws IllegalStateException outside a transaction, or before the claim
	 */
	void answer(T outcome);

}

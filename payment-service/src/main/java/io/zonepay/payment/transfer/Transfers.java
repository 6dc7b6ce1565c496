package io.zonepay.payment.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The transfers paid from this shard group. */
interface Transfers extends Repository<Transfer, TransferId> {

	Transfer save(Transfer transfer);

	Transfer saveAndFlush(Transfer transfer);

	Optional<Transfer> findById(TransferId id);

	/**
	 * The transfer made by a request (its caller and Idempotency-Key), whatever became of
	 * it.
	 */
	Optional<Transfer> findByRequestKey(String requestKey);

	/**
	 * Transfers still PENDING, oldest first: their money has not moved yet, or their
	 * debit is not yet announced.
	 */
	@Query("select t from Transfer t where t.status = io.zonepay.payment.transfer.TransferStatus.PENDING"
			+ " and t.createdAt < :before order by t.createdAt")
	List<Transfer> findPendingBefore(Instant before, Limit limit);

	/**
	 * Transfers in transit (DEBITED) unchanged since before a moment, oldest first: their
	 * payee's zone has not answered.
	 */
	@Query("select t from Transfer t where t.status = io.zonepay.payment.transfer.TransferStatus.DEBITED"
			+ " and t.updatedAt < :before order by t.updatedAt")
	List<Transfer> findInTransitBefore(Instant before, Limit limit);

}

package io.zonepay.payment.refund;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The refunds of this shard group: read and recorded through JPA, decided in SQL. */
interface Refunds extends Repository<Refund, RefundId>, RefundWrites {

	Refund save(Refund refund);

	Refund saveAndFlush(Refund refund);

	Optional<Refund> findById(RefundId id);

	Optional<Refund> findByRequestKey(String requestKey);

	@Query("select r from Refund r where r.status = io.zonepay.payment.payment.PaymentStatus.PENDING"
			+ " and r.createdAt < :before order by r.createdAt")
	List<Refund> findPendingBefore(Instant before, Limit limit);

}

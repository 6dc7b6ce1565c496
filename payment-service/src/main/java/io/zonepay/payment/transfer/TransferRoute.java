package io.zonepay.payment.transfer;

/**
 * How a transfer's money travels; decided once, when it is made, and kept so that every
 * later step follows it.
 */
enum TransferRoute {

	/**
	 * Payer and payee share a shard group, so one ledger: one posting from one to the
	 * other.
	 */
	SAME_GROUP,

	/**
	 * Their shard groups differ: a debit into transit here, a credit from transit in the
	 * payee's zone, over Kafka.
	 */
	CROSS_GROUP

}

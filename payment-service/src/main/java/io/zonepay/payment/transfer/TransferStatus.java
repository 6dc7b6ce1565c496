package io.zonepay.payment.transfer;

/**
 * Where a transfer is. DEBITED is a cross-group transfer whose money left the payer and
 * is on its way to the payee's zone; the API shows it as PENDING, since to the payer it
 * is still undecided.
 */
enum TransferStatus {

	PENDING, DEBITED, COMPLETED, FAILED;

	/** The status as the API shows it. */
	String shown() {
		return this == DEBITED ? PENDING.name() : name();
	}

}

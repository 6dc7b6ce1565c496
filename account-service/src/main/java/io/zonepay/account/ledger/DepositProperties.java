package io.zonepay.account.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on top-ups.
 *
 * @param maxAmount the largest single deposit, in minor units
 */
@ConfigurationProperties("zonepay.account.deposits")
record DepositProperties(@DefaultValue("100000000") long maxAmount) {
}

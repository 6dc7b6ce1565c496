/**
 * The double-entry ledger: accounts, balanced postings, and the deposits and balances
 * built on them.
 */
@NullMarked
package io.zonepay.account.ledger;

import org.jspecify.annotations.NullMarked;

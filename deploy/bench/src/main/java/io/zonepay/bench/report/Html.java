package io.zonepay.bench.report;

import java.util.Locale;

/** Text and figures as the page shows them. */
final class Html {

	private Html() {
	}

	/** {@code text} escaped for an element's content or a quoted attribute. */
	static String text(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** A figure with thousands grouped and {@code decimals} places. */
	static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	/** A share (0.25) as a percentage (25.0 %). */
	static String percent(double share) {
		return number(share * 100, 1) + " %";
	}

	/** A goal's mark: met or not. */
	static String mark(boolean met) {
		return met ? " <span class=\"pass\">PASS</span>" : " <span class=\"fail\">FAIL</span>";
	}

}

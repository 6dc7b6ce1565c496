package io.zonepay.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The page's scripts and styles, read from the classpath to be inlined: uPlot from its
 * webjar, and the report's own beside this class.
 */
final class Assets {

	private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

	static final String UPLOT_JS = read(UPLOT + "uPlot.iife.min.js", "</script");

	static final String UPLOT_CSS = read(UPLOT + "uPlot.min.css", "</style");

	static final String REPORT_JS = read("report.js", "</script");

	static final String REPORT_CSS = read("report.css", "</style");

	private Assets() {
	}

	/**
	 * The resource's text, which must not hold the end tag of the element it is inlined
	 * in: that would end the element early and spill the rest into the page.
	 */
	private static String read(String resource, String endTag) {
		try (InputStream in = Assets.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath (uPlot's webjar is a dependency)");
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (text.toLowerCase(Locale.ROOT).contains(endTag)) {
				throw new IllegalStateException(resource + " holds " + endTag + " and cannot be inlined");
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
	}

}

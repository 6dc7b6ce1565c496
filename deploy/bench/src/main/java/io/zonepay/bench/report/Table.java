package io.zonepay.bench.report;

import java.util.List;

/**
 * An HTML table whose cells are HTML already; each row names what it is of in
 * {@code data-row}, so a reader (or a test) can find it.
 */
final class Table {

	private final StringBuilder html = new StringBuilder();

	Table(String id, List<String> headings) {
		html.append("<table id=\"").append(id).append("\">\n<thead><tr>");
		headings.forEach((heading) -> html.append("<th>").append(Html.text(heading)).append("</th>"));
		html.append("</tr></thead>\n<tbody>\n");
	}

	Table row(String of, List<String> cells) {
		html.append("<tr data-row=\"").append(Html.text(of)).append("\">");
		cells.forEach((cell) -> html.append("<td>").append(cell).append("</td>"));
		html.append("</tr>\n");
		return this;
	}

	String html() {
		return html + "</tbody>\n</table>\n";
	}

}

package io.zonepay.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The report file: what it holds, what it shows in its tables, and what it keeps out. */
class ReportTests {

	static final RunRecord RUN = SyntheticRuns.double11("Double 11 on ./zonepay up, 8x spike", 11);

	static final RunRecord PREVIOUS = SyntheticRuns.double11("Double 11 before", 10);

	@TempDir
	Path dir;

	@Test
	void readsBackFromTheReportTheRunItWasWrittenOf() {
		Path html = dir.resolve("report.html");
		Report.write(RUN, PREVIOUS, html);

		assertThat(Report.read(html)).isEqualTo(RUN);
	}

	@Test
	void readsBackARunFromItsJson() {
		Path json = dir.resolve("run.json");
		Report.writeJson(RUN, json);

		assertThat(Report.read(json)).isEqualTo(RUN);
		assertThat(Report.read(json).startedAt()).hasToString("2026-11-11T00:00:00.123456789Z");
	}

	@Test
	void aTitleCannotEndTheScriptTheRunIsEmbeddedIn() throws IOException {
		String hostile = "</script><script>alert(1)</script><!--";
		RunRecord run = SyntheticRuns.double11(hostile, 11);
		Path html = dir.resolve("report.html");
		Report.write(run, null, html);
		String page = Files.readString(html);

		assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<!--");
		assertThat(count(page, "</script>")).as("the run's, uPlot's and the page's own").isEqualTo(3);
		assertThat(page).contains("<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</h1>");
		assertThat(Report.read(html).title()).isEqualTo(hostile);
	}

	@Test
	void theReportLoadsNothingFromOutsideItself() throws IOException {
		Path html = dir.resolve("report.html");
		Report.write(RUN, PREVIOUS, html);
		String page = Files.readString(html);

		assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
			.doesNotContainPattern("(?i)<script[^>]*\\ssrc=")
			.doesNotContainPattern("(?i)<link[\\s>]")
			.doesNotContainPattern("(?i)@import")
			.doesNotContainPattern("(?i)url\\(\\s*[\"']?\\s*(https?:)?//");
		assertThat(page).contains("var uPlot=").contains(".uplot {");
	}

	@Test
	void marksOnlyPhasesAtOrAboveCapacityAgainstTheGoals() throws IOException {
		Path html = dir.resolve("report.html");
		Report.write(RUN, null, html);
		String page = Files.readString(html);

		assertThat(row(page, "summary", "warm-up")).doesNotContain("PASS").doesNotContain("FAIL");
		assertThat(count(row(page, "summary", "hold"), "PASS")).isEqualTo(2);
		assertThat(row(page, "summary", "spike")).as("share met, p99 of 1200 ms not")
			.containsPattern("%.*PASS.*1,\\d{3}.*FAIL");
		assertThat(page).contains("<p class=\"verdict fail\">FAIL: spike: checkout p99 1,")
			.contains(" ms, goal at most 1,000 ms.</p>");
	}

	@Test
	void comparesEachPhaseWithThePreviousRunOnlyWhenThereIsOne() throws IOException {
		Path compared = dir.resolve("compared.html");
		Report.write(RUN, PREVIOUS, compared);
		Path alone = dir.resolve("alone.html");
		Report.write(RUN, null, alone);

		String page = Files.readString(compared);
		assertThat(SyntheticRuns.PHASES)
			.allSatisfy((phase) -> assertThat(row(page, "comparison", phase)).contains("→"));
		assertThat(page).contains("id=\"zonepay-previous\"").contains("compared with Double 11 before");
		assertThat(Files.readString(alone)).doesNotContain("id=\"comparison\"")
			.doesNotContain("id=\"zonepay-previous\"");
		assertThat(Report.read(compared)).as("the run, not the previous one").isEqualTo(RUN);
	}

	@Test
	void leavesOutTheCpuChartWhenNoCpuWasMeasured() throws IOException {
		Path html = dir.resolve("report.html");
		Report.write(SyntheticRuns.double11WithoutCpu("remote", 11), null, html);
		String page = Files.readString(html);
		String shown = page.substring(page.indexOf("<main>"), page.indexOf("</main>"));

		assertThat(shown).doesNotContain("data-chart=\"cpu\"").contains("id=\"no-cpu\"");
		assertThat(count(shown, "<figure data-chart=")).isEqualTo(7);
	}

	@Test
	void judgesAFullLinkRunByItsRealTrafficAndItsBooksNotByTheShadowLoadItShed() throws IOException {
		Path clean = dir.resolve("clean.html");
		Report.write(SyntheticRuns.fullLink("Double 11, full-link", 11, true), null, clean);
		Path dirty = dir.resolve("dirty.html");
		Report.write(SyntheticRuns.fullLink("Double 11, full-link", 11, false), null, dirty);

		String page = Files.readString(dirty);
		assertThat(page).contains("<section id=\"full-link\">")
			.contains("<table id=\"real-traffic\">")
			.contains("data-audit=\"the shadow books\"><span class=\"pass\">PASS</span>")
			.contains("data-audit=\"the real books\"><span class=\"fail\">FAIL</span>")
			.contains("every account in CNY sums to 7")
			.contains("<p class=\"verdict fail\">FAIL: the real books");
		assertThat(Report.read(dirty).fullLink().audits()).hasSize(2);
		assertThat(Report.read(dirty).fullLink().realSeconds()).hasSameSizeAs(Report.read(dirty).seconds());
		assertThat(Files.readString(clean)).doesNotContain("verdict fail");
		assertThat(Report.read(clean).fullLink().audited()).isTrue();
	}

	@Test
	void refusesAFileThatHoldsNoRun() throws IOException {
		Path html = Files.writeString(dir.resolve("other.html"), "<html><body>not a report</body></html>");

		assertThatIllegalArgumentException().isThrownBy(() -> Report.read(html))
			.withMessageContaining("other.html")
			.withMessageContaining("zonepay-run");
	}

	@Test
	void refusesARunOfAnotherSchema() throws IOException {
		Path json = dir.resolve("run.json");
		Report.writeJson(RUN, json);
		Files.writeString(json, Files.readString(json).replace("\"schema\":1", "\"schema\":2"));

		assertThatIllegalArgumentException().isThrownBy(() -> Report.read(json)).withMessageContaining("schema 2");
	}

	static String row(String page, String table, String of) {
		Matcher tableHtml = Pattern.compile("<table id=\"" + table + "\">(.*?)</table>", Pattern.DOTALL).matcher(page);
		assertThat(tableHtml.find()).as("table " + table).isTrue();
		Matcher row = Pattern.compile("<tr data-row=\"" + Pattern.quote(of) + "\">(.*?)</tr>")
			.matcher(tableHtml.group(1));
		assertThat(row.find()).as("row " + of + " of " + table).isTrue();
		return row.group(1);
	}

	static int count(String text, String of) {
		return text.split(Pattern.quote(of), -1).length - 1;
	}

}

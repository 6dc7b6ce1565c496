package io.zonepay.bench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonepay.testkit.HeadlessBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report as a reader sees it: a real browser opens the file from disk, with no
 * server, and its script draws every chart from the run inside it.
 */
class ReportBrowserIntegrationTests {

	static final List<String> CHARTS = List.of("knee", "operations", "checkout", "latency", "sheds", "errors", "water",
			"cpu");

	static HeadlessBrowser browser;

	@TempDir
	Path dir;

	@BeforeAll
	static void findBrowser() {
		browser = HeadlessBrowser.findOrInstall();
	}

	@Test
	void drawsEveryChartOfARunOpenedFromDisk() {
		String dom = open(SyntheticRuns.double11("Double 11, 8x spike", 11), null);

		assertDrew(dom, CHARTS);
		assertThat(SyntheticRuns.PHASES)
			.allSatisfy((phase) -> assertThat(dom).contains("<tr data-row=\"" + phase + "\">"));
		assertThat(dom).doesNotContain("id=\"comparison\"");
	}

	@Test
	void drawsThePreviousRunBesideThisOneAndComparesTheirPhases() {
		String dom = open(SyntheticRuns.double11("Double 11, 8x spike", 11),
				SyntheticRuns.double11("Double 11 before", 10));

		assertDrew(dom, CHARTS);
		assertThat(dom).contains("<table id=\"comparison\">").contains("previous checkout goodput");
		assertThat(table(dom, "comparison")).as("a row per phase")
			.containsPattern("(?s)" + String.join(".*",
					SyntheticRuns.PHASES.stream()
						.map((phase) -> Pattern.quote("<tr data-row=\"" + phase + "\">"))
						.toList()));
	}

	@Test
	void drawsAFullLinkRunsRealTrafficBesideItsShadowLoad() {
		String dom = open(SyntheticRuns.fullLink("Double 11, full-link", 11, true), null);

		List<String> charts = new ArrayList<>(CHARTS);
		charts.addAll(List.of("fulllink", "fulllinklatency"));
		assertDrew(dom, charts);
		assertThat(dom).contains("real succeeded");
	}

	@Test
	void drawsAllButTheCpuChartWhenNoCpuWasMeasured() {
		String dom = open(SyntheticRuns.double11WithoutCpu("Double 11 on compose", 11), null);

		assertDrew(dom, CHARTS.subList(0, CHARTS.size() - 1));
		assertThat(dom).doesNotContain("data-chart=\"cpu\"").contains("id=\"no-cpu\"");
	}

	@Test
	void showsAHostileTitleAsTextAndStillDraws() {
		String dom = open(
				SyntheticRuns.double11("</script><script>document.body.dataset.error='broken out'</script>", 11), null);

		assertDrew(dom, CHARTS);
		assertThat(dom).contains("<h1>&lt;/script&gt;&lt;script&gt;document.body.dataset.error='broken out'");
	}

	private String open(RunRecord run, RunRecord previous) {
		Path html = dir.resolve("report.html");
		Report.write(run, previous, html);
		return browser.dom(html.toUri());
	}

	private static void assertDrew(String dom, List<String> charts) {
		String body = find(dom, "<body[^>]*>");
		assertThat(body).doesNotContain("data-error");
		assertThat(body).contains("data-charts=\"" + charts.size() + "\"");
		assertThat(Integer.parseInt(find(body, "data-points=\"(\\d+)\"", 1))).isPositive();
		assertThat(charts)
			.allSatisfy((chart) -> assertThat(dom).containsPattern("<figure data-chart=\"" + chart + "\">.*<canvas"));
	}

	private static String table(String dom, String id) {
		return find(dom, "(?s)<table id=\"" + id + "\">.*?</table>");
	}

	private static String find(String text, String regex) {
		return find(text, regex, 0);
	}

	private static String find(String text, String regex, int group) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(group);
	}

}

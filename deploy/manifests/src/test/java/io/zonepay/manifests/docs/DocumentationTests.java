package io.zonepay.manifests.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and every page under docs/: links to files of the repository resolve, and
 * the README is short.
 */
class DocumentationTests {

	private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

	/** A Markdown link whose target is not a URL or an anchor of the same page. */
	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)\\s]*)?\\)");

	/** About a ten-minute read; the rest belongs in docs/. */
	private static final int README_MAX_WORDS = 2_500;

	@Test
	void everyLinkToAFileOfTheRepositoryResolves() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			Matcher link = LINK.matcher(Files.readString(page));
			while (link.find()) {
				String target = link.group(1);
				if (!target.contains("://") && !target.startsWith("mailto:")
						&& !Files.exists(page.getParent().resolve(target).normalize())) {
					broken.add(ROOT.relativize(page) + " -> " + target);
				}
			}
		}
		assertThat(broken).as("links to files that do not exist").isEmpty();
	}

	@Test
	void theReadmeIsShortEnoughToBeRead() throws IOException {
		String prose = Files.readString(ROOT.resolve("README.md"))
			.replaceAll("(?s)```.*?```", " ")
			.replaceAll("\\]\\([^)]*\\)", "]");
		long words = Stream.of(prose.split("\\s+"))
			.filter(word -> word.chars().anyMatch(Character::isLetterOrDigit))
			.count();
		assertThat(words).as("words in the README outside code blocks").isLessThanOrEqualTo(README_MAX_WORDS);
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

}

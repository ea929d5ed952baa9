package io.diffusim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link of README.md and docs/*.md names a file inside the repository. */
class DocsLinksTest {

    private static final Path ROOT = Path.of(System.getProperty("diffusim.root", "..")).toAbsolutePath().normalize();
    /** A Markdown link's target, up to an anchor or a title. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]*)(?:#[^)]*)?\\)");

    @Test
    void shouldLinkOnlyToFilesInTheRepository() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.isEmpty() || target.matches("[a-z]+:.*")) {
                    continue; // an anchor in the same page, or a URL
                }
                Path file = page.getParent().resolve(target).normalize();
                if (!file.startsWith(ROOT) || !Files.exists(file)) {
                    broken.add(ROOT.relativize(page) + ": " + target);
                }
            }
        }
        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(broken).as("links that leave the repository or name no file").isEmpty();
    }
}

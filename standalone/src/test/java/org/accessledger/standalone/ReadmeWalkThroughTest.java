package org.accessledger.standalone;

import org.accessledger.platform.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's four walks (through the API, an auditor's through access and through the evidence, a policy what-if) pasted as one bash script,
 * waiting only where the README does,
 * against a running app: every {@code # → } line that quotes JSON must be found in what the commands before it printed
 * (fragments between {@code …}, in any order; a remark after two spaces is not part of it). Prose answers are not checked.
 */
class ReadmeWalkThroughTest {

    static final String MARKER = "@@walk-step@@";

    @TempDir
    Path directory;

    record Expectation(int line, String text, List<String> fragments) {
    }

    @Test
    void theReadmesWalksGiveTheAnswersTheyShow() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> script = new ArrayList<>();
        script.addAll(bashBlockAfter(readme, "## A walk through the API"));
        script.addAll(bashBlockAfter(readme, "## An auditor's walk through access"));
        script.addAll(bashBlockAfter(readme, "## An auditor's walk through the evidence"));
        script.addAll(bashBlockAfter(readme, "## A what-if of the access policy"));

        try (RunningApp app = RunningApp.start(directory.resolve("data"), new MutableClock(Instant.now()),
                "--accessledger.policy.publish-guard.max-revocations=0")) {
            List<Expectation> expectations = new ArrayList<>();
            StringBuilder steps = new StringBuilder();
            for (int index = 0; index < script.size(); index++) {
                String line = script.get(index).replace("http://localhost:8080", "http://127.0.0.1:" + app.port());
                steps.append(line).append('\n');
                Expectation expectation = expectationIn(index + 1, line);
                if (expectation != null) {
                    expectations.add(expectation);
                    steps.append("echo ").append(MARKER).append('\n');
                }
            }
            Path work = Files.createDirectories(directory.resolve("walk"));
            Files.createDirectories(work.resolve("data"));
            Files.writeString(work.resolve("data/credentials.properties"), "hr=" + RunningApp.HR_PASSWORD + "\nauditor="
                    + RunningApp.AUDITOR_PASSWORD + "\nadmin=" + RunningApp.ADMIN_PASSWORD + "\n");
            Path walk = Files.writeString(work.resolve("walk.sh"), steps.toString());

            String[] outputs = run(work, walk).split(MARKER + "\n", -1);

            assertThat(expectations).as("the walks show answers to check").hasSizeGreaterThan(8);
            for (int step = 0; step < expectations.size(); step++) {
                Expectation expectation = expectations.get(step);
                for (String fragment : expectation.fragments()) {
                    assertThat(outputs[step]).as("README walk line %d: %s", expectation.line(), expectation.text()).contains(fragment);
                }
            }
        }
    }

    /** {@code # → "outcome":"ACCEPTED"… "position":} → its fragments; null for any other line or a prose answer. */
    private static Expectation expectationIn(int line, String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("# → ")) {
            return null;
        }
        String answer = trimmed.substring("# → ".length());
        int remark = answer.indexOf("  (");
        answer = remark < 0 ? answer : answer.substring(0, remark);
        if (!(answer.startsWith("{") || answer.startsWith("\"") || answer.startsWith("["))) {
            return null;
        }
        List<String> fragments = Arrays.stream(answer.split("…")).map(String::strip)
                .map(fragment -> fragment.endsWith(",") ? fragment.substring(0, fragment.length() - 1) : fragment)
                .filter(fragment -> !fragment.isEmpty() && !fragment.equals("}") && !fragment.equals("]")).toList();
        return new Expectation(line, answer, fragments);
    }

    private static List<String> bashBlockAfter(String readme, String heading) {
        int section = readme.indexOf(heading);
        assertThat(section).as(heading).isNotNegative();
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        return List.of(readme.substring(start, readme.indexOf("```", start)).split("\n"));
    }

    private static String run(Path work, Path walk) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", walk.toString()).directory(work.toFile()).redirectErrorStream(true).start();
        byte[] output = bash.getInputStream().readAllBytes();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }
}

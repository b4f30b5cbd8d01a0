package org.accessledger.connector.targets;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a target is reconciled ({@code accessledger.targets.<name>.reconciliation}).
 *
 * @param mode     {@code remediate}: repair what differs; {@code report}: only record it
 * @param orphans  what to do with accounts no worker owns: {@code report} (they may be service accounts), {@code disable}, {@code delete}
 * @param ignore   account names never read into findings nor touched, with {@code *} as wildcard, compared ignoring case
 * @param schedule when to run, a Spring cron expression (seconds first); {@code -} for never
 */
public record ReconciliationSettings(@DefaultValue("remediate") Mode mode,
                                     @DefaultValue("report") OrphanRemedy orphans,
                                     @DefaultValue List<String> ignore,
                                     @DefaultValue("0 0 2 * * *") String schedule) {

    /** A schedule that never runs. */
    public static final String NEVER = "-";

    public static final ReconciliationSettings DEFAULT = new ReconciliationSettings(Mode.REMEDIATE, OrphanRemedy.REPORT, List.of(), "0 0 2 * * *");

    public enum Mode {
        REPORT, REMEDIATE
    }

    public enum OrphanRemedy {
        REPORT, DISABLE, DELETE
    }

    public ReconciliationSettings {
        ignore = List.copyOf(ignore);
        if (!NEVER.equals(schedule) && !CronExpression.isValidExpression(schedule)) {
            throw new IllegalArgumentException("reconciliation.schedule '" + schedule
                    + "' is not a cron expression (six fields, seconds first, such as 0 0 2 * * *), nor - for never");
        }
    }

    public boolean remediates() {
        return mode == Mode.REMEDIATE;
    }

    /** Whether an account of this name (or owner) is never touched. */
    public boolean ignores(String name) {
        return name != null && ignore.stream().anyMatch(pattern -> glob(pattern).matcher(name.toLowerCase(Locale.ROOT)).matches());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.toLowerCase(Locale.ROOT).split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}

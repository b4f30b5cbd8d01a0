package org.accessledger.platform.testing;

import org.accessledger.api.error.ErrorCode;
import org.accessledger.api.error.RuleViolationException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a command refused with a given AccessLedger error code, for {@code AggregateTestFixture.expectException}. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Throwable> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable error) {
                return RuleViolationException.violationOf(error).map(violation -> violation.code() == code).orElse(false);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code);
            }
        };
    }
}

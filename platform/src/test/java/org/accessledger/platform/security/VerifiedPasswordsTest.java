package org.accessledger.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    final AtomicInteger checks = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong();
    final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    final VerifiedPasswords passwords = new VerifiedPasswords(counting, Duration.ofMinutes(5), nanos::get);
    final String stored = passwords.encode("correct horse");

    @Test
    void aPasswordThatMatchedIsNotCheckedAgainWhileRemembered() {
        assertThat(passwords.matches("correct horse", stored)).isTrue();
        assertThat(passwords.matches("correct horse", stored)).isTrue();

        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        assertThat(passwords.matches("battery staple", stored)).isFalse();
        assertThat(passwords.matches("battery staple", stored)).isFalse();
        assertThat(passwords.matches("correct horse", stored)).isTrue();

        assertThat(checks).hasValue(3);
    }

    @Test
    void aChangedPasswordHasAnotherHashAndIsCheckedAfresh() {
        passwords.matches("correct horse", stored);
        String changed = passwords.encode("correct horse");

        assertThat(passwords.matches("correct horse", changed)).isTrue();
        assertThat(passwords.matches("correct horse", passwords.encode("another password"))).as("a hash that is not the stored one").isFalse();

        assertThat(checks).hasValue(3);
    }

    @Test
    void aRememberedPasswordIsCheckedAgainOnceItsTimeIsUp() {
        passwords.matches("correct horse", stored);
        nanos.addAndGet(Duration.ofMinutes(6).toNanos());

        assertThat(passwords.matches("correct horse", stored)).isTrue();

        assertThat(checks).hasValue(2);
    }
}

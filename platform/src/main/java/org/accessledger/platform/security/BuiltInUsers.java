package org.accessledger.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded default's three users. Each password comes from its environment variable, or else is generated once
 * and kept in an owner-only file in the data directory; the passwords themselves are never logged.
 */
public final class BuiltInUsers {

    public record User(String name, Set<Role> roles, String passwordVariable) {
    }

    public static final List<User> USERS = List.of(
            new User("hr", Set.of(Role.HR_ADAPTER), "ACCESSLEDGER_HR_PASSWORD"),
            new User("auditor", Set.of(Role.AUDITOR), "ACCESSLEDGER_AUDITOR_PASSWORD"),
            new User("admin", Set.of(Role.ADMIN), "ACCESSLEDGER_ADMIN_PASSWORD"));

    static final String CREDENTIALS_FILE = "credentials.properties";
    private static final Logger log = LoggerFactory.getLogger(BuiltInUsers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BuiltInUsers() {
    }

    /** User name → password, generating and storing the ones the environment does not give. */
    public static Map<String, String> passwords(Environment environment, Path dataDir) {
        Path file = dataDir.resolve(CREDENTIALS_FILE);
        Properties generated = load(file);
        boolean changed = false;
        Map<String, String> passwords = new LinkedHashMap<>();
        for (User user : USERS) {
            String given = environment.getProperty(user.passwordVariable());
            if (given != null && !given.isBlank()) {
                passwords.put(user.name(), given);
                continue;
            }
            if (!generated.containsKey(user.name())) {
                generated.setProperty(user.name(), newPassword());
                changed = true;
            }
            passwords.put(user.name(), generated.getProperty(user.name()));
        }
        if (changed) {
            store(generated, file);
        }
        if (!generated.isEmpty()) {
            log.info("Passwords of users without an ACCESSLEDGER_<USER>_PASSWORD variable are in {}", file.toAbsolutePath());
        }
        return passwords;
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return properties;
    }

    private static void store(Properties properties, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "Generated AccessLedger passwords; set ACCESSLEDGER_<USER>_PASSWORD to choose your own");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}

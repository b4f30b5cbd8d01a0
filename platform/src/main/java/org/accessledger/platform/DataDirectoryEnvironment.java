package org.accessledger.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Makes {@code accessledger.data-dir} absolute before anything uses it: H2 refuses a file URL relative to the working
 * directory unless it starts with {@code ./}, and {@code ACCESSLEDGER_DATA_DIR=data} should just work.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    static final String DATA_DIR = "accessledger.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty(DATA_DIR);
        if (dataDir != null && !dataDir.isBlank()) {
            String absolute = Path.of(dataDir).toAbsolutePath().normalize().toString();
            environment.getPropertySources().addFirst(new MapPropertySource("accessledger-data-dir", Map.of(DATA_DIR, absolute)));
        }
    }
}

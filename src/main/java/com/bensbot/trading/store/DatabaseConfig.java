package com.bensbot.trading.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The {@code database} block: where the durable state lives ({@code DATABASE_URL}, {@code DATABASE_USER},
 * {@code DATABASE_PASSWORD}) and how many connections the service keeps.
 */
public class DatabaseConfig {
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/bensbot";
    private static final java.util.regex.Pattern URL_SECRET =
            java.util.regex.Pattern.compile("(?i)(password=)[^;&]*");

    @NotNull
    @Pattern(regexp = "jdbc:(h2|postgresql):.+", message = "must start with jdbc:h2: or jdbc:postgresql:")
    private String url = DEFAULT_URL;
    private String user = "";
    private String password = "";
    @Min(1)
    @Max(1000)
    private int maxPoolSize = 16;
    @Min(0)
    @Max(1000)
    private int minPoolSize = 1;
    /** Where records that the store could not take wait for it; empty: {@code spool} beside an H2 file, else {@code ./data/spool}. */
    private String spoolDirectory = "";

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url == null ? null : url.trim();
    }

    @JsonProperty
    public String getUser() {
        return user;
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user == null ? "" : user;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    @JsonProperty
    public int getMaxPoolSize() {
        return maxPoolSize;
    }

    @JsonProperty
    public void setMaxPoolSize(int maxPoolSize) {
        this.maxPoolSize = maxPoolSize;
    }

    @JsonProperty
    public int getMinPoolSize() {
        return minPoolSize;
    }

    @JsonProperty
    public void setMinPoolSize(int minPoolSize) {
        this.minPoolSize = minPoolSize;
    }

    @JsonProperty
    public String getSpoolDirectory() {
        return spoolDirectory;
    }

    @JsonProperty
    public void setSpoolDirectory(String spoolDirectory) {
        this.spoolDirectory = spoolDirectory == null ? "" : spoolDirectory.trim();
    }

    /** The spool directory in effect: the configured one, else {@code spool} beside an H2 file, else {@code ./data/spool}. */
    @JsonIgnore
    public java.nio.file.Path effectiveSpoolDirectory() {
        if (!spoolDirectory.isEmpty()) {
            return java.nio.file.Path.of(spoolDirectory);
        }
        String h2File = "jdbc:h2:file:";
        if (url != null && url.startsWith(h2File)) {
            String file = url.substring(h2File.length()).split(";", 2)[0];
            java.nio.file.Path parent = java.nio.file.Path.of(file).toAbsolutePath().getParent();
            if (parent != null) {
                return parent.resolve("spool");
            }
        }
        return java.nio.file.Path.of("data", "spool");
    }

    @JsonIgnore
    @ValidationMethod(message = "minPoolSize must not be larger than maxPoolSize")
    public boolean isPoolSizeConsistent() {
        return minPoolSize <= maxPoolSize;
    }

    /** The URL fit for a log line or an error message: a {@code password=} setting inside it is hidden. */
    @JsonIgnore
    public String redactedUrl() {
        return url == null ? null : URL_SECRET.matcher(url).replaceAll("$1<redacted>");
    }

    @Override
    public String toString() {
        return "DatabaseConfig{url=" + redactedUrl() + ", user=" + user + ", password=<redacted>, maxPoolSize="
                + maxPoolSize + ", minPoolSize=" + minPoolSize + "}";
    }
}

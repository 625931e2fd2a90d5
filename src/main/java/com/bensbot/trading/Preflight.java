package com.bensbot.trading;

import com.bensbot.trading.broker.AlpacaConfig;
import com.bensbot.trading.broker.BrokerKind;
import com.bensbot.trading.security.ClientsConfig;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The start-up checks of CONTRACT §2: problems fatal everywhere, and problems fatal in production that are
 * warnings in development. One line per problem; no line ever contains a secret.
 */
public final class Preflight {
    static final int MIN_SECRET_LENGTH = 32;

    /** Fatal problems and warnings. */
    public record Result(List<String> fatal, List<String> warnings) {
        public boolean passed() {
            return fatal.isEmpty();
        }
    }

    private Preflight() {
    }

    public static Result check(TradingConfiguration config) {
        List<String> fatal = new ArrayList<>();
        List<String> strict = new ArrayList<>();
        String environment = config.getEnvironment();
        if (!TradingConfiguration.DEVELOPMENT.equals(environment) && !TradingConfiguration.PRODUCTION.equals(environment)) {
            fatal.add("ENVIRONMENT must be development or production");
        }
        AlpacaConfig alpaca = config.getAlpaca();
        String mode = config.getTrading().getMode();
        String url = alpaca.getBaseUrl() == null ? "" : alpaca.getBaseUrl().trim();
        BrokerKind broker = alpaca.brokerKind();
        if (!"paper".equals(mode) && !"live".equals(mode)) {
            fatal.add("TRADING_MODE must be paper or live");
        } else if ("paper".equals(mode) && broker == BrokerKind.ALPACA_LIVE) {
            fatal.add("TRADING_MODE=paper disagrees with ALPACA_BASE_URL: host " + alpaca.brokerLabel()
                    + " is Alpaca's live API (real money)");
        } else if ("live".equals(mode) && (broker == BrokerKind.ALPACA_PAPER || broker == BrokerKind.SIMULATOR)) {
            fatal.add("TRADING_MODE=live disagrees with ALPACA_BASE_URL " + alpaca.brokerLabel() + " ("
                    + broker.description() + ")");
        }
        if (config.getTrading().isLiveTradingEnabled() && !"live".equals(mode)) {
            fatal.add("ENABLE_LIVE_TRADING=true needs TRADING_MODE=live");
        }
        positive(config.getTrading().getMaxOrderValueUsd(), "MAX_ORDER_VALUE_USD", fatal);
        positive(config.getTrading().getMaxDailyNotionalUsd(), "MAX_DAILY_NOTIONAL_USD", fatal);
        if (!alpaca.isSimulator() && (alpaca.getApiKey().isBlank() || alpaca.getSecretKey().isBlank())) {
            fatal.add("ALPACA_API_KEY and ALPACA_SECRET_KEY are required when ALPACA_BASE_URL is not sim");
        }
        if (!alpaca.isSimulator() && !isUrl(url)) {
            fatal.add("ALPACA_BASE_URL must be sim or an http(s) URL");
        }
        String dataUrl = alpaca.effectiveDataUrl();
        if (!AlpacaConfig.SIM.equals(dataUrl) && !isUrl(dataUrl)) {
            fatal.add("ALPACA_DATA_URL must be empty, sim or an http(s) URL");
        }

        String token = config.getAdmin().getToken();
        if (token.isEmpty()) {
            strict.add("ADMIN_TOKEN is not set");
        } else if (token.length() < MIN_SECRET_LENGTH) {
            strict.add("ADMIN_TOKEN is shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        checkApiKeys(config.getClients(), fatal, strict);
        if (config.getCors().allowsAnyOrigin()) {
            strict.add("CORS_ALLOWED_ORIGINS is * (any origin)");
        }
        plainHttpRemote("ALPACA_BASE_URL", url, strict);
        plainHttpRemote("ALPACA_DATA_URL", dataUrl, strict);

        if (config.isProduction()) {
            fatal.addAll(strict);
            return new Result(List.copyOf(fatal), List.of());
        }
        return new Result(List.copyOf(fatal), List.copyOf(strict));
    }

    private static void checkApiKeys(ClientsConfig clients, List<String> fatal, List<String> strict) {
        Map<String, String> keys;
        try {
            keys = clients.parsedKeys();
        } catch (IllegalArgumentException e) {
            fatal.add(e.getMessage());
            return;
        }
        if (keys.isEmpty()) {
            strict.add("API_KEYS is empty: clients are not authenticated");
        }
        keys.forEach((name, key) -> {
            if (key.length() < MIN_SECRET_LENGTH) {
                strict.add("API_KEYS key of client " + name + " is shorter than " + MIN_SECRET_LENGTH + " characters");
            }
        });
    }

    private static void positive(BigDecimal value, String name, List<String> fatal) {
        if (value == null || value.signum() <= 0) {
            fatal.add(name + " must be a positive number");
        }
    }

    private static boolean isUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && BrokerKind.host(url).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void plainHttpRemote(String name, String url, List<String> strict) {
        if (isUrl(url) && "http".equalsIgnoreCase(URI.create(url).getScheme())) {
            String host = BrokerKind.host(url).orElseThrow();
            if (!BrokerKind.isLoopback(host)) {
                strict.add(name + " host " + host + " is plain http:// and not loopback");
            }
        }
    }
}

package com.bensbot.trading.broker.sim;

import com.bensbot.trading.broker.sim.SimAsset.Exchange;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The liquid US symbols the simulator knows, looked up by symbol (case-insensitive) or asset id. */
final class SimUniverse {

    private final Map<String, SimAsset> bySymbol;
    private final Map<UUID, SimAsset> byId;

    SimUniverse(List<SimAsset> assets) {
        Map<String, SimAsset> symbols = new LinkedHashMap<>();
        Map<UUID, SimAsset> ids = new LinkedHashMap<>();
        for (SimAsset asset : assets) {
            symbols.put(asset.symbol(), asset);
            ids.put(asset.id(), asset);
        }
        this.bySymbol = Map.copyOf(symbols);
        this.byId = Map.copyOf(ids);
    }

    static SimUniverse usEquities() {
        return new SimUniverse(List.of(
                SimAsset.of("AAPL", "Apple Inc. Common Stock", Exchange.NASDAQ, "228.40"),
                SimAsset.of("MSFT", "Microsoft Corporation Common Stock", Exchange.NASDAQ, "431.20"),
                SimAsset.of("AMZN", "Amazon.com, Inc. Common Stock", Exchange.NASDAQ, "211.80"),
                SimAsset.of("GOOGL", "Alphabet Inc. Class A Common Stock", Exchange.NASDAQ, "192.10"),
                SimAsset.of("META", "Meta Platforms, Inc. Class A Common Stock", Exchange.NASDAQ, "598.30"),
                SimAsset.of("NVDA", "NVIDIA Corporation Common Stock", Exchange.NASDAQ, "141.60"),
                SimAsset.of("TSLA", "Tesla, Inc. Common Stock", Exchange.NASDAQ, "332.90"),
                SimAsset.of("SPY", "SPDR S&P 500 ETF Trust", Exchange.ARCA, "601.50"),
                SimAsset.of("QQQ", "Invesco QQQ Trust, Series 1", Exchange.NASDAQ, "521.70"),
                SimAsset.of("IWM", "iShares Russell 2000 ETF", Exchange.ARCA, "226.10"),
                SimAsset.of("JPM", "JPMorgan Chase & Co. Common Stock", Exchange.NYSE, "248.90"),
                SimAsset.of("V", "Visa Inc.", Exchange.NYSE, "331.40"),
                SimAsset.of("JNJ", "Johnson & Johnson Common Stock", Exchange.NYSE, "154.80"),
                SimAsset.of("WMT", "Walmart Inc. Common Stock", Exchange.NYSE, "94.60"),
                SimAsset.of("PG", "Procter & Gamble Company (The) Common Stock", Exchange.NYSE, "166.20"),
                SimAsset.of("XOM", "Exxon Mobil Corporation Common Stock", Exchange.NYSE, "111.30"),
                SimAsset.of("BAC", "Bank of America Corporation Common Stock", Exchange.NYSE, "45.20"),
                SimAsset.of("DIS", "Walt Disney Company (The) Common Stock", Exchange.NYSE, "112.70"),
                SimAsset.of("NFLX", "Netflix, Inc. Common Stock", Exchange.NASDAQ, "951.40"),
                SimAsset.of("AMD", "Advanced Micro Devices, Inc. Common Stock", Exchange.NASDAQ, "158.20"),
                SimAsset.of("INTC", "Intel Corporation Common Stock", Exchange.NASDAQ, "24.30"),
                SimAsset.of("KO", "Coca-Cola Company (The) Common Stock", Exchange.NYSE, "68.10"),
                SimAsset.of("PEP", "PepsiCo, Inc. Common Stock", Exchange.NASDAQ, "151.60"),
                SimAsset.of("CSCO", "Cisco Systems, Inc. Common Stock", Exchange.NASDAQ, "64.80"),
                SimAsset.of("ORCL", "Oracle Corporation Common Stock", Exchange.NYSE, "189.50"),
                SimAsset.of("CRM", "Salesforce, Inc. Common Stock", Exchange.NYSE, "298.70"),
                SimAsset.of("ADBE", "Adobe Inc. Common Stock", Exchange.NASDAQ, "448.90"),
                SimAsset.of("T", "AT&T Inc.", Exchange.NYSE, "26.40"),
                SimAsset.of("VZ", "Verizon Communications Inc. Common Stock", Exchange.NYSE, "41.90"),
                SimAsset.of("PFE", "Pfizer, Inc. Common Stock", Exchange.NYSE, "25.80"),
                SimAsset.of("MRK", "Merck & Company, Inc. Common Stock", Exchange.NYSE, "96.30"),
                SimAsset.of("ABBV", "AbbVie Inc. Common Stock", Exchange.NYSE, "188.40"),
                SimAsset.of("CVX", "Chevron Corporation Common Stock", Exchange.NYSE, "154.20"),
                SimAsset.of("HD", "Home Depot, Inc. (The) Common Stock", Exchange.NYSE, "389.60"),
                SimAsset.of("MCD", "McDonald's Corporation Common Stock", Exchange.NYSE, "296.10"),
                SimAsset.of("NKE", "Nike, Inc. Common Stock", Exchange.NYSE, "72.40"),
                SimAsset.of("BA", "Boeing Company (The) Common Stock", Exchange.NYSE, "201.30"),
                SimAsset.of("GE", "GE Aerospace Common Stock", Exchange.NYSE, "241.70"),
                SimAsset.of("IBM", "International Business Machines Corporation Common Stock", Exchange.NYSE, "252.40"),
                SimAsset.of("QCOM", "QUALCOMM Incorporated Common Stock", Exchange.NASDAQ, "161.90"),
                SimAsset.of("TXN", "Texas Instruments Incorporated Common Stock", Exchange.NASDAQ, "184.30"),
                SimAsset.of("AVGO", "Broadcom Inc. Common Stock", Exchange.NASDAQ, "231.80"),
                SimAsset.of("COST", "Costco Wholesale Corporation Common Stock", Exchange.NASDAQ, "948.20"),
                SimAsset.of("UNH", "UnitedHealth Group Incorporated Common Stock", Exchange.NYSE, "402.60"),
                SimAsset.of("LLY", "Eli Lilly and Company Common Stock", Exchange.NYSE, "801.90"),
                SimAsset.of("BRK.B", "Berkshire Hathaway Inc. Class B", Exchange.NYSE, "479.30"),
                SimAsset.of("GLD", "SPDR Gold Shares", Exchange.ARCA, "291.20"),
                SimAsset.of("TLT", "iShares 20+ Year Treasury Bond ETF", Exchange.NASDAQ, "89.70"),
                SimAsset.of("DIA", "SPDR Dow Jones Industrial Average ETF Trust", Exchange.ARCA, "428.60"),
                SimAsset.of("XLF", "Financial Select Sector SPDR Fund", Exchange.ARCA, "50.10"),
                SimAsset.of("UBER", "Uber Technologies, Inc. Common Stock", Exchange.NYSE, "76.80"),
                SimAsset.of("PYPL", "PayPal Holdings, Inc. Common Stock", Exchange.NASDAQ, "70.40")));
    }

    Optional<SimAsset> bySymbol(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol.toUpperCase(Locale.ROOT)));
    }

    Optional<SimAsset> byId(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    Collection<SimAsset> all() {
        return bySymbol.values();
    }
}

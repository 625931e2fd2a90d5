package com.bensbot.trading.ops;

import com.bensbot.trading.broker.sim.AlpacaSimulator;
import com.bensbot.trading.broker.sim.SimFaults;
import com.bensbot.trading.http.ProblemException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/sim-fault?mode=error|timeout|rate-limit|reset|off&count=N}: makes the built-in simulator
 * fail the next N broker requests (every request when N is absent or 0), so an operator can watch retries and
 * the breakers work.
 */
public final class SimFaultTask implements AdminTask {
    public record Answer(String mode, Integer remaining) {
    }

    private final AlpacaSimulator simulator;

    public SimFaultTask(AlpacaSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public String name() {
        return "sim-fault";
    }

    @Override
    public Object run(Map<String, List<String>> parameters) {
        String rawMode = AdminTask.single(parameters, "mode");
        if (rawMode == null) {
            throw ProblemException.invalidParameter("'mode' is required: error, timeout, rate-limit, reset or off");
        }
        SimFaults.Mode mode;
        try {
            mode = SimFaults.Mode.parse(rawMode);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("'mode' must be error, timeout, rate-limit, reset or off");
        }
        int count = count(AdminTask.single(parameters, "count"));
        simulator.faults().set(mode, count);
        SimFaults.State state = simulator.faults().state();
        return new Answer(state.mode().label(), state.unlimited() ? null : state.remaining());
    }

    @Override
    public Map<String, Object> auditDetails(Map<String, List<String>> parameters, Object answer) {
        Answer set = (Answer) answer;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", set.mode());
        details.put("remaining", set.remaining());
        return details;
    }

    private static int count(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        if (raw.length() > 7 || !raw.chars().allMatch(Character::isDigit)) {
            throw ProblemException.invalidParameter("'count' must be a whole number from 0 to 9999999");
        }
        return Integer.parseInt(raw);
    }
}

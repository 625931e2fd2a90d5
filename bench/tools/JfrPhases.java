import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits one thread's CPU samples of a JFR recording into named phases, for start-up profiles. A phase is named
 * by method prefixes ({@code Class.method}, or a package or class prefix); a sample goes to the phase of the
 * innermost frame that matches any prefix, else to "(other)". Prints each phase's share of the samples and the
 * time span (ms after the first event) in which its samples fell.
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=start.jfr,settings=profile -jar target/bensbot-trading.jar server config.yml
 * java bench/tools/JfrPhases.java start.jfr main \
 *     'config=io.dropwizard.core.cli.ConfiguredCommand.parseConfiguration' \
 *     'database=com.bensbot.trading.store.Database.open' \
 *     'jersey=org.glassfish.jersey.server.ApplicationHandler.&lt;init&gt;'
 * </pre>
 */
public final class JfrPhases {
    private JfrPhases() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: JfrPhases <recording.jfr> <thread name> <phase>=<prefix>[,<prefix>...] ...");
            System.exit(2);
        }
        String thread = args[1];
        List<String[]> markers = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] phase = args[i].split("=", 2);
            if (phase.length != 2) {
                System.err.println("not phase=prefix: " + args[i]);
                System.exit(2);
            }
            for (String prefix : phase[1].split(",")) {
                markers.add(new String[] {phase[0], prefix});
            }
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        long first = Long.MAX_VALUE;
        for (RecordedEvent event : events) {
            first = Math.min(first, event.getStartTime().toEpochMilli());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, long[]> spans = new HashMap<>();
        long total = 0;
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedThread sampled = event.getThread("sampledThread");
            RecordedStackTrace stack = event.getStackTrace();
            if (sampled == null || !thread.equals(sampled.getJavaName()) || stack == null) {
                continue;
            }
            total++;
            String phase = phaseOf(stack, markers);
            counts.merge(phase, 1L, Long::sum);
            long at = event.getStartTime().toEpochMilli() - first;
            long[] span = spans.computeIfAbsent(phase, p -> new long[] {at, at});
            span[0] = Math.min(span[0], at);
            span[1] = Math.max(span[1], at);
        }
        System.out.printf("%d CPU samples of thread %s%n", total, thread);
        long all = Math.max(total, 1);
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf("  %5.1f%%  %-28s %5d samples, from %6d to %6d ms%n",
                        100.0 * e.getValue() / all, e.getKey(), e.getValue(), spans.get(e.getKey())[0],
                        spans.get(e.getKey())[1]));
    }

    private static String phaseOf(RecordedStackTrace stack, List<String[]> markers) {
        for (RecordedFrame frame : stack.getFrames()) {
            RecordedMethod method = frame.getMethod();
            if (method == null) {
                continue;
            }
            String name = method.getType().getName() + "." + method.getName();
            for (String[] marker : markers) {
                if (name.startsWith(marker[1])) {
                    return marker[0];
                }
            }
        }
        return "(other)";
    }
}

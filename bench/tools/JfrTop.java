import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording for the load benchmark: CPU samples by top frame (self), by every method on the
 * stack (inclusive), by the first frame in our own package, and allocation samples by weight at their first frame
 * in our package. Usage: {@code java bench/tools/JfrTop.java <recording.jfr> [top N] [package prefix]}.
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: JfrTop <recording.jfr> [topN] [package prefix]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String ours = args.length > 2 ? args[2] : "com.bensbot.";
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> firstOurs = new HashMap<>();
        Map<String, Long> allocOurs = new HashMap<>();
        Map<String, Long> allocTop = new HashMap<>();
        long samples = 0;
        long allocTotal = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame);
                    if (seen.add(method)) {
                        inclusive.merge(method, 1L, Long::sum);
                    }
                }
                firstOurs.merge(firstIn(frames, ours), 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocTotal += weight;
                String objectClass = event.getClass("objectClass").getName();
                allocOurs.merge(firstIn(frames, ours) + "  [" + objectClass + "]", weight, Long::sum);
                allocTop.merge(name(frames.get(0)) + "  [" + objectClass + "]", weight, Long::sum);
            }
        }
        System.out.printf("CPU samples: %d%n", samples);
        print("Top frames (self)", self, samples, top, "%");
        print("Methods on the stack (inclusive)", inclusive, samples, top, "%");
        print("Nearest frame in " + ours + " (our code that was running or waiting on the code above it)", firstOurs,
                samples, top, "%");
        System.out.printf("%nAllocation samples: %d MB (sampled weight)%n", allocTotal >> 20);
        print("Allocations by nearest frame in " + ours, allocOurs, allocTotal, top, "%");
        print("Allocations by allocating frame", allocTop, allocTotal, top, "%");
    }

    private static String firstIn(List<RecordedFrame> frames, String prefix) {
        for (RecordedFrame frame : frames) {
            RecordedMethod method = frame.getMethod();
            if (method != null && method.getType().getName().startsWith(prefix)) {
                return name(frame);
            }
        }
        return "(none)";
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "(unknown)" : method.getType().getName() + "." + method.getName();
    }

    private static void print(String title, Map<String, Long> counts, long total, int top, String unit) {
        System.out.printf("%n%s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("  %5.1f%s  %s%n", total == 0 ? 0.0 : 100.0 * e.getValue() / total,
                        unit, e.getKey()));
    }
}

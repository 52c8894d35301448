import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        TreeMap<String, Integer> counts = new TreeMap<>();
        String line;
        while ((line = in.readLine()) != null)
            for (String word : line.trim().split("\\s+"))
                if (!word.isEmpty()) counts.merge(word, 1, Integer::sum);
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet())  // in order: the first of the highest counts is the smallest word
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        System.out.println(best + " " + bestCount);
    }
}

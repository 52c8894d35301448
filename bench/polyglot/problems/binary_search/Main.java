import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringTokenizer st = new StringTokenizer("");
        List<Long> all = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            st = new StringTokenizer(line);
            while (st.hasMoreTokens()) all.add(Long.parseLong(st.nextToken()));
        }
        int n = all.get(0).intValue();
        long[] xs = new long[n];
        for (int i = 0; i < n; i++) xs[i] = all.get(1 + i);
        int q = all.get(1 + n).intValue();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < q; i++) {
            int at = Arrays.binarySearch(xs, all.get(2 + n + i));
            out.append(at >= 0 ? at : -1).append('\n');
        }
        System.out.print(out);
    }
}

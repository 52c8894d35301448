import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(in.readLine().trim());
        StringTokenizer st = new StringTokenizer(in.readLine());
        long[] xs = new long[n];
        for (int i = 0; i < n; i++) xs[i] = Long.parseLong(st.nextToken());
        Arrays.sort(xs);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) out.append(xs[i]).append(i + 1 < n ? ' ' : '\n');
        System.out.print(out);
    }
}

import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        long[][] a = new long[n][n], b = new long[n][n];
        for (long[][] m : new long[][][] {a, b})
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    in.nextToken();
                    m[i][j] = (long) in.nval;
                }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                long sum = 0;
                for (int k = 0; k < n; k++) sum += a[i][k] * b[k][j];
                out.append(sum).append(j + 1 < n ? ' ' : '\n');
            }
        System.out.print(out);
    }
}

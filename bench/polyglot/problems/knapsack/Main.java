import java.util.*;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt(), capacity = in.nextInt();
        long[] best = new long[capacity + 1];
        for (int i = 0; i < n; i++) {
            int weight = in.nextInt();
            long value = in.nextLong();
            for (int c = capacity; c >= weight; c--) best[c] = Math.max(best[c], best[c - weight] + value);
        }
        System.out.println(best[capacity]);
    }
}

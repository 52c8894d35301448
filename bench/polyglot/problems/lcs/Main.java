import java.util.*;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        String a = in.next(), b = in.next();
        int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
        for (int i = 0; i < a.length(); i++) {
            for (int j = 1; j <= b.length(); j++)
                current[j] = a.charAt(i) == b.charAt(j - 1) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            previous = current.clone();
        }
        System.out.println(previous[b.length()]);
    }
}

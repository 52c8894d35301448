import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        List<String> words = new ArrayList<>(Arrays.asList(new BufferedReader(new InputStreamReader(System.in)).readLine().trim().split("\\s+")));
        Collections.reverse(words);
        System.out.println(String.join(" ", words));
    }
}

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.ImageIO;

/** Writes a 12-megapixel (4000 × 3000) photo-like JPEG for bench/media.sh: a gradient under 3,000 coloured discs. */
public class MediaPhoto {
    public static void main(String[] args) throws Exception {
        int width = 4000;
        int height = 3000;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 3000; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(width), random.nextInt(height), random.nextInt(200), random.nextInt(200));
        }
        g.dispose();
        ImageIO.write(image, "jpeg", new File(args[0]));
    }
}

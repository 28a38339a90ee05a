package io.authflow.e2e.local;

import io.authflow.e2e.config.ConfigLoader;
import io.authflow.e2e.config.HarnessConfig;
import io.authflow.e2e.device.AppSession;
import io.authflow.e2e.device.RunDevices;
import io.authflow.e2e.parts.StackWatch;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A run in a JVM of its own, for {@link RunReaperTest}: starts the local stack and a browser
 * session on the reference app (so the stand-in, Appium, ChromeDriver and Chromium all run), prints
 * "READY <run id>", then either waits to be killed ("hold") or ends as a run ends ("once").
 */
public final class RunOfTheStack {
  private RunOfTheStack() {}

  public static void main(String[] args) throws InterruptedException {
    HarnessConfig config = new ConfigLoader(Path.of("config"), Map.of(), Map.of()).load("local");
    var stack = new LocalStack(Path.of("").toAbsolutePath());
    config = config.completedBy(stack.start(config));
    var devices = new RunDevices();
    var app = new AppSession(config, devices, StackWatch.of(stack));
    app.launch();
    String title = app.driver().getTitle();
    System.out.println("READY " + RunReaper.current().runId() + " " + title);
    System.out.flush();
    if (args.length > 0 && args[0].equals("hold")) {
      new CountDownLatch(1).await();
    }
    app.dispose();
    devices.closeAll();
    stack.close();
    System.out.println("ENDED");
  }
}

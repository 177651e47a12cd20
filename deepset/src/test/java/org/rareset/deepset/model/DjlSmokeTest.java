package org.rareset.deepset.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class DjlSmokeTest {
    @Test
    void oneTrainingStepLowersLoss() {
        System.out.println("engine " + Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Linear lin = Linear.builder().setUnits(1).build();
            lin.setInitializer(new NormalInitializer(0.1f), ai.djl.nn.Parameter.Type.WEIGHT);
            lin.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(8, 3));
            NDArray x = m.randomNormal(new Shape(8, 3));
            NDArray y = x.sum(new int[] {1}, true);
            Optimizer opt = Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.1f)).build();
            ParameterStore ps = new ParameterStore(m, false);
            float first = 0, last = 0;
            for (int i = 0; i < 20; i++) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray out = lin.forward(ps, new NDList(x), true).singletonOrThrow();
                    NDArray loss = out.sub(y).square().mean();
                    if (i == 0) first = loss.getFloat();
                    last = loss.getFloat();
                    gc.backward(loss);
                }
                for (var p : lin.getParameters()) {
                    opt.update(p.getValue().getId(), p.getValue().getArray(), p.getValue().getArray().getGradient());
                }
            }
            System.out.println(first + " -> " + last);
            assertTrue(last < first);
        }
    }
}

package cn.p2psupervision.gateway;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;

/** Puts {@link EmptyErrorProblemHandler} into every HTTP/1.1 connection of the gateway's server, after the codec. */
@Configuration(proxyBeanMethods = false)
class EmptyErrorProblemConfiguration {

    private static final EmptyErrorProblemHandler HANDLER = new EmptyErrorProblemHandler();

    @Bean
    NettyServerCustomizer emptyErrorProblemCustomizer() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(EmptyErrorProblemHandler.NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, EmptyErrorProblemHandler.NAME, HANDLER);
            }
        });
    }
}

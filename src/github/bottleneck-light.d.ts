// The plugins load Bottleneck's light build (no Redis clustering); its types live in the full package.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}

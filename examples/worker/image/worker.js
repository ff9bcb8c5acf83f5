// Placeholder worker for the example image: the real worker long-polls QUEUE_URL with the AWS SDK.
const queueUrl = process.env.QUEUE_URL;
console.log(JSON.stringify({ message: 'worker started', queueUrl }));
setInterval(() => console.log(JSON.stringify({ message: 'polling', queueUrl })), 20_000);
